#!/usr/bin/env bash
# Benchmark `trialkit km` against R (read.csv + survfit + survdiff) on 1,000,000 subjects.
# Runs each alternately RUNS times, measuring wall time and peak RSS of the whole process with
# /usr/bin/time, and prints the medians and the ratios trialkit/R.
# Needs a built dist/ (npx tsc -p tsconfig.json) and R with the survival package.
# Usage: bash bench/km/run.sh [RUNS=5] [N=1000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
N="${2:-1000000}"
OUT="bench/out/km"
mkdir -p "$OUT"
DATA="$OUT/data-$N.csv"
[ -s "$DATA" ] || node bench/km/generate.mjs "$DATA" "$N"
echo "data: $DATA ($(wc -l < "$DATA") lines, $(du -h "$DATA" | cut -f1))"

: > "$OUT/trialkit.txt"
: > "$OUT/r.txt"
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -f '%e %M' -a -o "$OUT/trialkit.txt" \
    node bin/trialkit.js km "$DATA" --time time --event status --group arm --json > /dev/null
  /usr/bin/time -f '%e %M' -a -o "$OUT/r.txt" Rscript bench/km/km.R "$DATA" > /dev/null
done

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
tk_s=$(cut -d' ' -f1 "$OUT/trialkit.txt" | median)
tk_kb=$(cut -d' ' -f2 "$OUT/trialkit.txt" | median)
r_s=$(cut -d' ' -f1 "$OUT/r.txt" | median)
r_kb=$(cut -d' ' -f2 "$OUT/r.txt" | median)
echo "runs: $RUNS each, alternating"
printf 'trialkit km : %6.2f s  %7.1f MB peak RSS\n' "$tk_s" "$(echo "$tk_kb / 1024" | bc -l)"
printf 'R survival  : %6.2f s  %7.1f MB peak RSS\n' "$r_s" "$(echo "$r_kb / 1024" | bc -l)"
printf 'trialkit/R  : time %.3f  memory %.3f\n' "$(echo "$tk_s / $r_s" | bc -l)" "$(echo "$tk_kb / $r_kb" | bc -l)"
