#!/usr/bin/env bash
# Times `trialkit report` as a whole process (median wall seconds, peak RSS): the demo trial with every
# format but PDF (the PNGs are drawn for the DOCX and the png format), the demo trial with every format
# (the PDF through Chromium), then synthetic trials of the given sizes (same generator, uncalibrated)
# with every format but PDF, to show how the report scales.
# Usage: npm run build && bash bench/report/run.sh [runs=5] [sizes=10000] [large-runs=1]
#   e.g. bash bench/report/run.sh 5 1000,2000,5000,10000 (sizes '': the demo trial only)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
sizes=${2-10000}
large_runs=${3:-1}
out=bench/out/report
# bin/trialkit.js runs the CLI bundle only when it is not older than dist/cli/main.js: after a `tsc` alone
# it runs the compiled modules one by one, about 0.3 s slower per report, which is not what users run.
if [ ! -f dist/bundle/main.js ] || [ dist/bundle/main.js -ot dist/cli/main.js ]; then
  echo "bench/report/run.sh: dist/bundle is missing or older than dist/cli/main.js; run npm run build first" >&2
  exit 1
fi
mkdir -p "$out"
node bin/trialkit.js report --out "$out/warm" --format html >/dev/null 2>&1   # fills the demo plan cache

measure() { # runs, label, then the command
  local n=$1 label=$2; shift 2
  local times=() mems=()
  for _ in $(seq "$n"); do
    rm -rf "$out/run"
    /usr/bin/time -f '%e %M' -o "$out/time.txt" "$@" --out "$out/run" >/dev/null 2>&1
    read -r t m < "$out/time.txt"
    times+=("$t"); mems+=("$m")
  done
  local tmed mmed
  tmed=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mmed=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-54s median %7.2f s   peak RSS %5.0f MiB   (%s runs: %s)\n' "$label" "$tmed" "$((mmed / 1024))" "$n" "${times[*]}"
}

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
measure "$runs" "demo trial, every format but PDF" node bin/trialkit.js report --format html,docx,csv,svg,png
measure "$runs" "demo trial, every format (with PDF)" node bin/trialkit.js report
for size in ${sizes//,/ }; do
  node bench/report/makeTrial.mjs "$out/trial-$size" "$size" 1 >/dev/null
  measure "$large_runs" "$size patients, every format but PDF" node bin/trialkit.js report --trial "$out/trial-$size" --format html,docx,csv,svg,png
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the runs"
