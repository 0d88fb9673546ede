#!/usr/bin/env bash
# Benchmark `trialkit km` against R (read.csv + survfit + survdiff) on 1,000,000 subjects, on two files
# holding the same data: the generator's plain CSV, and the same data written by R's write.csv (every
# text field quoted, a quoted row-name column: "","id","time","status","arm"), as R users' files are.
# For each file: both tools must give the same medians, limits and log-rank statistic; then they run
# alternately RUNS times, wall time and peak RSS of the whole process measured with /usr/bin/time;
# prints the medians and the ratios trialkit/R.
# Needs a built dist/ (npm run build) and R with the survival and jsonlite packages.
# Usage: bash bench/km/run.sh [RUNS=5] [N=1000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
N="${2:-1000000}"
OUT="bench/out/km"
mkdir -p "$OUT"
PLAIN="$OUT/data-$N.csv"
RCSV="$OUT/data-$N-R.csv"
[ -s "$PLAIN" ] || node bench/km/generate.mjs "$PLAIN" "$N"
[ -s "$RCSV" ] || Rscript -e "write.csv(read.csv('$PLAIN'), '$RCSV')"

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

bench() {
  local name="$1" data="$2"
  echo "== $name: $data ($(wc -l < "$data") lines, $(du -h "$data" | cut -f1)); first line: $(head -n 1 "$data")"
  # Same answer first: a fast wrong result is worth nothing.
  node bin/trialkit.js km "$data" --time time --event status --group arm --json > "$OUT/$name-trialkit.json"
  Rscript bench/km/km.R "$data" "$OUT/$name-r.json"
  node --input-type=module -e "
    import { readFileSync } from 'node:fs';
    const t = JSON.parse(readFileSync('$OUT/$name-trialkit.json', 'utf8'));
    const r = JSON.parse(readFileSync('$OUT/$name-r.json', 'utf8'));
    const rel = (a, b) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));
    const worst = Math.max(rel(t.logrank.chisq, r.chisq),
      ...t.curves.flatMap((c, i) => [rel(c.median.estimate, r.median[i]), rel(c.median.lower, r.lower[i]), rel(c.median.upper, r.upper[i]), rel(c.n, r.n[i])]));
    console.log('agreement with R: largest relative difference ' + worst.toExponential(2));
    if (!(worst < 1e-9)) process.exit(1);
  "
  : > "$OUT/$name-trialkit.txt"
  : > "$OUT/$name-r.txt"
  for i in $(seq 1 "$RUNS"); do
    /usr/bin/time -f '%e %M' -a -o "$OUT/$name-trialkit.txt" \
      node bin/trialkit.js km "$data" --time time --event status --group arm --json > /dev/null
    /usr/bin/time -f '%e %M' -a -o "$OUT/$name-r.txt" Rscript bench/km/km.R "$data" > /dev/null
  done
  local tk_s tk_kb r_s r_kb
  tk_s=$(cut -d' ' -f1 "$OUT/$name-trialkit.txt" | median)
  tk_kb=$(cut -d' ' -f2 "$OUT/$name-trialkit.txt" | median)
  r_s=$(cut -d' ' -f1 "$OUT/$name-r.txt" | median)
  r_kb=$(cut -d' ' -f2 "$OUT/$name-r.txt" | median)
  echo "runs: $RUNS each, alternating"
  printf 'trialkit km : %6.2f s  %7.1f MB peak RSS\n' "$tk_s" "$(echo "$tk_kb / 1024" | bc -l)"
  printf 'R survival  : %6.2f s  %7.1f MB peak RSS\n' "$r_s" "$(echo "$r_kb / 1024" | bc -l)"
  printf 'trialkit/R  : time %.3f  memory %.3f\n' "$(echo "$tk_s / $r_s" | bc -l)" "$(echo "$tk_kb / $r_kb" | bc -l)"
  local ok=MISSED
  if (( $(echo "$tk_s <= 0.1 * $r_s && $tk_kb <= 0.5 * $r_kb" | bc -l) )); then ok=met; fi
  echo "target (time <= 0.1 x R, memory <= 0.5 x R): $ok"
}

bench plain "$PLAIN"
bench r-written "$RCSV"
