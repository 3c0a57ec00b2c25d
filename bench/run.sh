#!/usr/bin/env bash
# Throughput and peak memory of baocao at 1 thread and at all threads, side by side with the plain
# Python script a user would write instead (../shared/perf/baseline_py.py), on one corpus, in one run.
#
#   bench/run.sh [SIZE_MB]        default 200; the corpus is kept in bench/corpus-SIZE for reruns
#   RUNS=N bench/run.sh           N rounds (default 5), each command once per round, in turn; a
#                                 command's fastest round counts, for baocao and Python alike: on a
#                                 shared machine the slow runs measure the neighbours
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
cat "$corpus"/*/* "$corpus"/*.txt > /dev/null 2>&1 || true
mb=$(find -L "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
cores=$(nproc)
runs=${RUNS:-5}

commands=("./target/release/baocao extract $corpus -q --threads 1"
          "./target/release/baocao extract $corpus -q --threads $cores")
[ -f "$perf_dir/baseline_py.py" ] && commands+=("python3 $perf_dir/baseline_py.py $corpus")

# Runs the commands in turn, round after round, so that a slow spell of this shared machine falls on
# all of them alike; each command's fastest round counts. Prints per command: seconds and peak RSS
# (KB). Output is discarded to a null device; where /dev/null is a plain file (some sandboxes) every
# run would write its hundreds of MB into it, so a real one is made when we may, else a warning.
measure() {
  python3 - "$runs" "$@" <<'PY'
import os, shlex, stat, subprocess, sys, tempfile, time
runs, commands = int(sys.argv[1]), [shlex.split(c) for c in sys.argv[2:]]
sink = os.devnull
if not stat.S_ISCHR(os.stat(sink).st_mode):
    try:
        sink = os.path.join(tempfile.mkdtemp(), "null")
        os.mknod(sink, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError:
        sink = os.devnull
        print("warning: /dev/null is a plain file here; output writes are measured too", file=sys.stderr)
best = [float("inf")] * len(commands)
peak = [0] * len(commands)
with open(sink, "wb") as out:
    for _ in range(runs):
        for i, command in enumerate(commands):
            t = time.perf_counter()
            child = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(child.pid, 0)
            best[i] = min(best[i], time.perf_counter() - t)
            peak[i] = max(peak[i], usage.ru_maxrss)
for b, m in zip(best, peak):
    print(f"{b:.3f} {m}")
PY
}

printf 'fastest of %s rounds, the commands taking turns\n' "$runs"
printf '%-28s %8s %9s %10s\n' "command ($mb MB)" seconds "MB/s" "peak RSS"
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
row() { printf '%-28s %8.2f %9.1f %7d MB\n' "$1" "$2" "$(div "$mb" "$2")" $(($3 / 1024)); }
{ read -r s1 m1; read -r sn mn; read -r sp mp || true; } < <(measure "${commands[@]}")
row "baocao --threads 1" "$s1" "$m1"
row "baocao --threads $cores" "$sn" "$mn"
printf 'speed-up 1 → %s threads: %.2fx\n' "$cores" "$(div "$s1" "$sn")"
if [ -n "${sp:-}" ]; then
  row "baseline_py.py (1 process)" "$sp" "$mp"
  printf 'baocao at %s threads vs the Python baseline: %.1fx\n' "$cores" "$(div "$sp" "$sn")"
fi
