#!/usr/bin/env bash
# Cox benchmark: trialkit cox against R coxph on a seeded 100,000-subject CSV (x1 binary, x2, x3
# continuous), and on the same data written by R's write.csv (quoted header and row-name column), as
# R users' files are. Each run is a whole process (start-up, CSV reading, fit, output), timed with
# /usr/bin/time; the two tools alternate so drift in the machine affects both alike.
#   bash bench/cox/run.sh [runs=7] [n=100000]
# Needs dist/ built (npm run build) and Rscript with survival and jsonlite.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-7}"
n="${2:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

node bench/cox/generate.mjs "$work/plain.csv" "$n"
Rscript -e "write.csv(read.csv('$work/plain.csv'), '$work/r-written.csv')"
echo "data: $n subjects, $(wc -c <"$work/plain.csv") bytes plain, $(wc -c <"$work/r-written.csv") bytes as R writes it," \
  "$(awk -F, 'NR > 1 && $3 == 1' "$work/plain.csv" | wc -l) events"

bench() {
  local name="$1" data="$work/$1.csv"
  echo "== $name: first line $(head -n 1 "$data")"
  # Same answer first: a fast wrong fit is worth nothing.
  node bin/trialkit.js cox "$data" --time time --event status --covariate x1 --covariate x2 --covariate x3 --json >"$work/trialkit.json"
  Rscript bench/cox/cox.R "$data" "$work/r.json"
  node --input-type=module -e "
    import { readFileSync } from 'node:fs';
    const t = JSON.parse(readFileSync('$work/trialkit.json', 'utf8'));
    const r = JSON.parse(readFileSync('$work/r.json', 'utf8'));
    const rel = (a, b) => Math.abs(a - b) / Math.abs(b);
    const worst = Math.max(
      ...t.coefficients.map((c, i) => Math.max(rel(c.coef, r.coef[i]), rel(c.se, r.se[i]))),
      rel(t.logLik[1], r.loglik[1]), rel(t.lrTest.chisq, r.lr), rel(t.waldTest.chisq, r.wald), rel(t.scoreTest.chisq, r.score));
    console.log('agreement with R: largest relative difference ' + worst.toExponential(2));
    if (!(worst < 1e-6)) process.exit(1);
  "
  for ((i = 1; i <= runs; i++)); do
    /usr/bin/time -f '%e %M' -o "$work/t.$i" \
      node bin/trialkit.js cox "$data" --time time --event status --covariate x1 --covariate x2 --covariate x3 --json >/dev/null
    /usr/bin/time -f '%e %M' -o "$work/r.$i" Rscript bench/cox/cox.R "$data"
    echo "run $i: trialkit $(tail -n 1 "$work/t.$i")  R $(tail -n 1 "$work/r.$i")   (seconds, peak KiB)"
  done
  node --input-type=module -e "
    import { readFileSync } from 'node:fs';
    const read = (p) => Array.from({ length: $runs }, (_, i) => readFileSync('$work/' + p + '.' + (i + 1), 'utf8').trim().split('\n').at(-1).split(' ').map(Number));
    const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
    const t = read('t'), r = read('r');
    const tt = median(t.map((x) => x[0])), rt = median(r.map((x) => x[0]));
    const tm = median(t.map((x) => x[1])) / 1024, rm = median(r.map((x) => x[1])) / 1024;
    // The ratio of each alternating pair, so drift in the machine's load affects both sides alike.
    const pairs = median(t.map((x, i) => x[0] / r[i][0]));
    console.log('median of $runs runs    wall s   peak RSS MiB');
    console.log('trialkit cox          ' + tt.toFixed(2).padStart(6) + '   ' + tm.toFixed(1).padStart(8));
    console.log('R coxph (Rscript)     ' + rt.toFixed(2).padStart(6) + '   ' + rm.toFixed(1).padStart(8));
    console.log('trialkit / R          ' + (tt / rt).toFixed(2).padStart(6) + '   ' + (tm / rm).toFixed(2).padStart(8) + '   (median of pair ratios ' + pairs.toFixed(2) + ')');
    console.log(tt <= 0.2 * rt ? 'target met: trialkit time <= 0.2 x R time' : 'target MISSED: trialkit time > 0.2 x R time');
  "
}

bench plain
bench r-written
