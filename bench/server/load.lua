-- wrk script: the same writes as load.mjs (lab CRF records through POST /subjects/:id/records), from a
-- client written in C that spends a few microseconds of CPU per request instead of about a millisecond,
-- so on a small machine the load client takes less of the CPU the server needs.
-- Environment: SUBJECTS (comma separated subject ids, one per connection in turn), COOKIE (a session).
-- Usage: SUBJECTS=... COOKIE=trialkit_session=... wrk -t2 -c<clients> -d<seconds>s -s bench/server/load.lua <url>
local subjects = {}
for subject in string.gmatch(os.getenv("SUBJECTS") or "", "[^,]+") do subjects[#subjects + 1] = subject end
local cookie = os.getenv("COOKIE") or ""
local n = 0

function request()
  n = n + 1
  local subject = subjects[(n % #subjects) + 1]
  local body = string.format(
    '{"formType":"lab","data":{"date":"2025-02-03","visit":"C%dD1","analyte":"neutrophils","value":%.1f,"unit":"10^9/L","lln":1.8,"uln":7.5,"source":"central"}}',
    1 + (n % 6), 0.5 + (n % 50) / 10)
  return wrk.format("POST", "/api/v1/subjects/" .. subject .. "/records", { ["Content-Type"] = "application/json", ["Cookie"] = cookie }, body)
end

-- one JSON line like load.mjs's; errors: non-2xx answers and socket errors
function done(summary, latency, requests)
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format('{"client":"wrk","seconds":%.2f,"writes":%d,"errors":%d,"writesPerSecond":%.2f,"p50Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f}\n',
    seconds, summary.requests - failed, failed, (summary.requests - failed) / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
