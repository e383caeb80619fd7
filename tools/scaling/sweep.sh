#!/usr/bin/env bash
# How cost grows with width and batch size: Backprop and numpy, 1 and 2 threads, alternating point by point (the
# host drifts between minutes, so the two sides of a point are measured back to back). Writes a TSV, then the chart.
#   tools/scaling/sweep.sh DATA_DIR [OUT_TSV] [OUT_PNG]
# Needs python3 with numpy (a measuring tool here, not a dependency of Backprop). Takes 20-40 minutes on 2 cores.
# WIDTHS, BATCHES, THREADS, LIMIT and EPOCHS may be set in the environment to measure fewer points.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:?usage: tools/scaling/sweep.sh DATA_DIR [OUT_TSV] [OUT_PNG]}"
tsv="${2:-$root/docs/scaling/scaling.tsv}"
png="${3:-$root/docs/images/scaling.png}"
widths="${WIDTHS:-128 256 512 1024 2048 4096}"
batches="${BATCHES:-16 32 64 128 256 512 1024}"
threads="${THREADS:-1 2}"
limit="${LIMIT:-10000}"
epochs="${EPOCHS:-2}"
mkdir -p "$(dirname "$tsv")" "$(dirname "$png")"
tmp="$tsv.partial"
printf "sweep\timplementation\twidth\tbatch\tthreads\tsec_per_epoch\tgflops\n" > "$tmp"

measure() { # sweep width batch threads
  local layers="784,$2,$2,10"
  local line
  line=$(cd "$root" && ./backprop bench --peer-config C3 --layers "$layers" --batch "$3" --threads "$4" \
    --epochs $((epochs + 1)) --limit "$limit" --data "$data" 2>/dev/null | grep -P "^C3\t$4\t" | tail -1)
  printf "%s\tbackprop\t%s\t%s\t%s\t%s\t%s\n" "$1" "$2" "$3" "$4" "$(cut -f3 <<<"$line")" "$(cut -f5 <<<"$line")" \
    | tee -a "$tmp"
  line=$(OMP_NUM_THREADS=$4 OPENBLAS_NUM_THREADS=$4 python3 "$root/tools/scaling/numpy_mlp.py" --data "$data" \
    --layers "$layers" --batch "$3" --epochs "$epochs" --limit "$limit")
  printf "%s\tnumpy\t%s\t%s\t%s\t%s\t%s\n" "$1" "$2" "$3" "$4" "$(cut -f1 <<<"$line")" "$(cut -f3 <<<"$line")" \
    | tee -a "$tmp"
}

for t in $threads; do
  for w in $widths; do measure width "$w" 256 "$t"; done
  for b in $batches; do measure batch 1024 "$b" "$t"; done
done
mv "$tmp" "$tsv"
(cd "$root" && ./backprop bench-chart --tsv "$tsv" --png "$png")
