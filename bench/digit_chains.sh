#!/usr/bin/env bash
# Time against size on text made of one digit chain (`1.` `1/` `1-` `12.34.` repeated, no white
# space), to show the run stays linear in the input: user CPU seconds at one thread for each size,
# then the user time per MB of the largest size over the smallest's (1.00 is linear; quadratic work
# doubles it with every doubling of size). Before the window scans were bounded, `1.` × 40,000 took
# 2.55 s and × 80,000 8.9 s.
#
#   bench/digit_chains.sh [REPEATS ...]     default 100000 200000 400000; files in bench/digit-chains/
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-100000 200000 400000}")
read -r -a sizes <<< "${sizes[*]}"
dir=bench/digit-chains
mkdir -p "$dir"
cargo build --release --quiet

printf '%-8s %10s %8s %8s\n' chain repeats MB "user s"
for chain in '1.' '1/' '1-' '12.34.'; do
  first=""
  for n in "${sizes[@]}"; do
    file=$dir/$(printf '%s' "$chain" | tr './-' 'dsh')-$n.txt
    [ -f "$file" ] || python3 -c 'import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))' "$chain" "$n" > "$file"
    cpu=$(python3 - "$file" <<'PY'
import os, subprocess, sys
child = subprocess.Popen(["./target/release/baocao", "extract", sys.argv[1], "-q", "--threads", "1"],
                         stdout=subprocess.DEVNULL)
_, _, usage = os.wait4(child.pid, 0)
print(f"{usage.ru_utime:.3f}")
PY
)
    mb=$(stat -c %s "$file" | awk '{ printf "%.2f", $1 / 1e6 }')
    printf '%-8s %10d %8s %8s\n' "$chain" "$n" "$mb" "$cpu"
    per_mb=$(awk -v a="$cpu" -v b="$mb" 'BEGIN { printf "%.6f", (a + 0.001) / b }')
    [ -n "$first" ] || first=$per_mb
  done
  printf '%-8s user time per MB, largest over smallest: %.2f (1.00 is linear)\n' "$chain" \
    "$(awk -v a="$per_mb" -v b="$first" 'BEGIN { print a / b }')"
done
