#!/usr/bin/env bash
# The Spark local-mode test: the records of a JSONL dataset piped through baocao by PySpark equal a
# single-process run over the same file. Skips (and says so) where there is no Java.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v java >/dev/null 2>&1; then
  echo "spark test SKIPPED: no java on this machine"
  exit 0
fi
python3 -c "import pyspark" 2>/dev/null || python3 -m pip install --quiet pyspark
cargo build --release --locked --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A dataset of 60 rows built from the fixtures, one article per row.
python3 - "$work/corpus.jsonl" <<'PY'
import glob, json, sys
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("fixtures/articles/*.txt"))]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(60):
        f.write(json.dumps({"id": f"row{i:03d}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
PY
(cd "$work" && "$OLDPWD/target/release/baocao" extract corpus.jsonl --quiet > single.jsonl)
python3 tests/spark/spark_job.py "$PWD/target/release/baocao" "$work/corpus.jsonl" "$work/spark.jsonl"
if cmp -s "$work/single.jsonl" "$work/spark.jsonl"; then
  echo "spark test passed: $(wc -l < "$work/spark.jsonl") records, identical to the single-process run"
else
  echo "spark test FAILED: Spark output differs from the single-process run"
  diff <(head -c 2000 "$work/single.jsonl") <(head -c 2000 "$work/spark.jsonl") || true
  exit 1
fi
