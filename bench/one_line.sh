#!/usr/bin/env bash
# Time against size on files of one huge line (no line breaks at all), to show the run stays linear:
# user and system CPU seconds, MB/s of user time and peak RSS at one thread for each size, then the
# user time per MB of the largest size over the smallest's (1.0 is linear; quadratic work doubles
# it with every doubling of size). System time is the kernel handing over pages, about 3 bytes of
# memory per byte of input, and varies more from run to run.
#
#   bench/one_line.sh [MB ...]     default 250 500 1000; the files are kept in bench/one-line/
#
# The line is the dev-set articles (../shared/eval/dev/texts) when present, else the fixtures, with
# their line breaks made spaces, repeated to each size.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-250 500 1000}")
read -r -a sizes <<< "${sizes[*]}"
dir=bench/one-line
mkdir -p "$dir"
sources=(../shared/eval/dev/texts/*)
[ -e "${sources[0]}" ] || sources=(fixtures/articles/*.txt)
cargo build --release --quiet

printf '%-10s %8s %8s %8s %10s\n' size "user s" "sys s" "MB/s" "peak RSS"
first=""
for mb in "${sizes[@]}"; do
  file=$dir/line-$mb.txt
  if [ ! -f "$file" ]; then
    python3 - "$file" "$mb" "${sources[@]}" <<'PY'
import sys
out, mb, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
line = b" ".join(open(p, "rb").read().replace(b"\r", b" ").replace(b"\n", b" ") for p in paths)
with open(out, "wb") as f:
    for _ in range(mb * 1_000_000 // len(line) + 1):
        f.write(line)
PY
  fi
  cat "$file" > /dev/null
  # User and system CPU seconds and peak RSS (KB) of one run, output discarded.
  read -r cpu sys rss < <(python3 - "$file" <<'PY'
import os, subprocess, sys
child = subprocess.Popen(["./target/release/baocao", "extract", sys.argv[1], "-q", "--threads", "1",
                          "--max-file-size", str(os.path.getsize(sys.argv[1]))],
                         stdout=subprocess.DEVNULL)
_, _, usage = os.wait4(child.pid, 0)
print(f"{usage.ru_utime:.2f} {usage.ru_stime:.2f} {usage.ru_maxrss}")
PY
)
  real_mb=$(stat -c %s "$file" | awk '{ printf "%.1f", $1 / 1e6 }')
  printf '%-10s %8.2f %8.2f %8.1f %7d MB\n' "$real_mb MB" "$cpu" "$sys" \
    "$(awk -v a="$real_mb" -v b="$cpu" 'BEGIN { printf "%.1f", a / b }')" $((rss / 1024))
  per_mb=$(awk -v a="$cpu" -v b="$real_mb" 'BEGIN { printf "%.6f", a / b }')
  [ -n "$first" ] || first=$per_mb
done
printf 'user time per MB, largest over smallest: %.2f (1.00 is linear)\n' \
  "$(awk -v a="$per_mb" -v b="$first" 'BEGIN { print a / b }')"
