#!/usr/bin/env bash
# Throughput and peak memory of baocao at 1 thread and at all threads, side by side with the plain
# Python script a user would write instead (../shared/perf/baseline_py.py), on one corpus, in one run.
#
#   bench/run.sh [SIZE_MB]        default 200; the corpus is kept in bench/corpus-SIZE for reruns
#   RUNS=N bench/run.sh           each command runs N times (default 3) and its fastest run counts,
#                                 for baocao and Python alike: on a shared machine the slow runs
#                                 measure the neighbours
#
# The corpus comes from ../shared/perf/make_corpus.sh when present (article-like files built from the
# dev set), else from the fixtures repeated. Page cache is warmed first, so this measures CPU, not disk.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
corpus=bench/corpus-$size
perf_dir=../shared/perf
if [ ! -d "$corpus" ]; then
  if [ -x "$perf_dir/make_corpus.sh" ] || [ -f "$perf_dir/make_corpus.sh" ]; then
    bash "$perf_dir/make_corpus.sh" "$corpus" "$size"
  else
    mkdir -p "$corpus"
    n=0; bytes=0
    while [ "$bytes" -lt $((size * 1000000)) ]; do
      for f in fixtures/articles/*.txt; do
        cp "$f" "$corpus/$(printf %06d $n).txt"; n=$((n + 1)); bytes=$((bytes + $(stat -c %s "$f")))
      done
    done
  fi
fi
cargo build --release --quiet
# Output is discarded to /dev/null; where that is a plain file (some sandboxes), every run would
# write hundreds of MB into it and the figures would measure that file system, not extraction.
if [ ! -c /dev/null ]; then
  echo "warning: /dev/null is not a character device here; output writes are being measured too" >&2
fi
cat "$corpus"/*/* "$corpus"/*.txt > /dev/null 2>&1 || true
mb=$(find -L "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
cores=$(nproc)

runs=${RUNS:-3}

# Runs a command $runs times with stdout discarded; prints the fastest run's seconds and the peak
# RSS (KB) of the process trees.
measure() {
  python3 - "$runs" "$@" <<'PY'
import resource, subprocess, sys, time
best = float("inf")
for _ in range(int(sys.argv[1])):
    t = time.perf_counter()
    subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    best = min(best, time.perf_counter() - t)
print(f"{best:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}

printf 'fastest of %s runs each\n' "$runs"
printf '%-28s %8s %9s %10s\n' "command ($mb MB)" seconds "MB/s" "peak RSS"
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
row() { printf '%-28s %8.2f %9.1f %7d MB\n' "$1" "$2" "$(div "$mb" "$2")" $(($3 / 1024)); }
read -r s1 m1 < <(measure ./target/release/baocao extract "$corpus" -q --threads 1)
row "baocao --threads 1" "$s1" "$m1"
read -r sn mn < <(measure ./target/release/baocao extract "$corpus" -q --threads "$cores")
row "baocao --threads $cores" "$sn" "$mn"
printf 'speed-up 1 → %s threads: %.2fx\n' "$cores" "$(div "$s1" "$sn")"
if [ -f "$perf_dir/baseline_py.py" ]; then
  read -r sp mp < <(measure python3 "$perf_dir/baseline_py.py" "$corpus")
  row "baseline_py.py (1 process)" "$sp" "$mp"
  printf 'baocao at %s threads vs the Python baseline: %.1fx\n' "$cores" "$(div "$sp" "$sn")"
fi
