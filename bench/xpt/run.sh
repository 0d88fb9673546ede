#!/usr/bin/env bash
# Benchmark: write a 1,000,000 x 20 SAS transport (XPT v5) file with trialkit (createXpt, node) and with R
# (haven::write_xpt(version = 5)). Each process builds the same SYNTHETIC dataset in memory, then writes it; the
# two files are first checked to be byte-identical (timestamps aside), then the processes are timed alternately
# with /usr/bin/time (wall seconds, peak RSS) and the medians and ratios printed.
# Needs a built dist/ (npx tsc -p tsconfig.json) and R with haven.
# Usage: bash bench/xpt/run.sh [RUNS=5] [N=1000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
N="${2:-1000000}"
OUT="bench/out/xpt"
mkdir -p "$OUT"

node bench/xpt/write.mjs "$OUT/trialkit.xpt" "$N"
Rscript bench/xpt/xpt.R "$OUT/haven.xpt" "$N"
node bench/xpt/compare.mjs "$OUT/trialkit.xpt" "$OUT/haven.xpt"

: > "$OUT/trialkit.txt"
: > "$OUT/r.txt"
for _ in $(seq 1 "$RUNS"); do
  /usr/bin/time -f '%e %M' -a -o "$OUT/trialkit.txt" node bench/xpt/write.mjs "$OUT/trialkit.xpt" "$N" 2> /dev/null
  /usr/bin/time -f '%e %M' -a -o "$OUT/r.txt" Rscript bench/xpt/xpt.R "$OUT/haven.xpt" "$N"
done

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
tk_s=$(cut -d' ' -f1 "$OUT/trialkit.txt" | median)
tk_kb=$(cut -d' ' -f2 "$OUT/trialkit.txt" | median)
r_s=$(cut -d' ' -f1 "$OUT/r.txt" | median)
r_kb=$(cut -d' ' -f2 "$OUT/r.txt" | median)
echo "runs: $RUNS each, alternating, $N rows x 20 variables"
printf 'trialkit createXpt  : %6.2f s  %7.1f MB peak RSS\n' "$tk_s" "$(echo "$tk_kb / 1024" | bc -l)"
printf 'R haven::write_xpt  : %6.2f s  %7.1f MB peak RSS\n' "$r_s" "$(echo "$r_kb / 1024" | bc -l)"
awk -v t="$tk_s" -v r="$r_s" -v tm="$tk_kb" -v rm="$r_kb" 'BEGIN { printf "trialkit/R          : time %.3f  memory %.3f\n", t / r, tm / rm }'
