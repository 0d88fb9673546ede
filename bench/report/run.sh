#!/usr/bin/env bash
# Times `trialkit report` as a whole process (wall seconds, peak RSS) on the demo trial and on a
# 10,000-patient synthetic trial from the same generator, every format but PDF and then with the PDF.
# Usage: npx tsc -p tsconfig.json && bash bench/report/run.sh [runs=5] [size=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
size=${2:-10000}
out=bench/out/report
mkdir -p "$out"
node bench/report/makeTrial.mjs "$out/large-trial" "$size" 1 >/dev/null
node bin/trialkit.js report --out "$out/warm" --format html >/dev/null 2>&1   # fills the demo plan cache

measure() { # label, then the command
  local label=$1; shift
  local times=() mems=()
  for _ in $(seq "$runs"); do
    rm -rf "$out/run"
    /usr/bin/time -f '%e %M' -o "$out/time.txt" "$@" --out "$out/run" >/dev/null 2>&1
    read -r t m < "$out/time.txt"
    times+=("$t"); mems+=("$m")
  done
  local tmed mmed
  tmed=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mmed=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-52s median %6.2f s   peak RSS %5.0f MiB   (%s runs: %s)\n' "$label" "$tmed" "$((mmed / 1024))" "$runs" "${times[*]}"
}

measure "demo trial, every format but PDF" node bin/trialkit.js report --format html,csv,svg,png,docx
measure "demo trial, all formats (with PDF)" node bin/trialkit.js report
measure "$size patients, every format but PDF" node bin/trialkit.js report --trial "$out/large-trial" --format html,csv,svg,png,docx
