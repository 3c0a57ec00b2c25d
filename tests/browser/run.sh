#!/usr/bin/env bash
# The review page in a real headless browser (Debian's chromium, installed when missing). The page's
# own self-test (`#selftest`) checks one highlight per record, the kind filters, that the six kinds
# look different, the index's natural order, sorting, search and filters, each article's address
# with Back and Forward, the summary rows' links to their marked figures, and the detail box (beside
# the highlight, never over it; its close button). It must load with no console errors, also with
# 1,000 articles; the screenshot is kept at docs/review.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "== installing chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) > /dev/null
  browser=$(command -v chromium)
fi
cargo build --release --locked --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --virtual-time-budget=20000)

# Runs the self-test of page $1 and checks it against $2 records.
selftest() {
  local page=$1 expected=$2 log="$work/console.log" dom result errors
  dom=$(timeout 300 "$browser" "${flags[@]}" --user-data-dir="$work/profile-$RANDOM" \
        --enable-logging=stderr --v=0 --dump-dom "file://$page#selftest" 2> "$log")
  result=$(printf '%s' "$dom" | grep -o 'id="selftest-result">[^<]*' | sed 's/.*">//')
  echo "browser: $result"
  errors=$(grep -E 'CONSOLE|Uncaught' "$log" | grep -iE 'error|uncaught' || true)
  if [ -n "$errors" ]; then
    echo "browser test FAILED: console errors:"; echo "$errors"; exit 1
  fi
  case "$result" in
    "SELFTEST PASS"*" highlights=$expected records=$expected") ;;
    *) echo "browser test FAILED: expected a pass with $expected highlights and records"; exit 1 ;;
  esac
}

inputs=(fixtures/articles)
[ -d ../shared/eval/dev/texts ] && inputs+=(../shared/eval/dev/texts)
page="$PWD/target/review.html"
./target/release/baocao review "${inputs[@]}" -o "$page" --quiet
selftest "$page" "$(./target/release/baocao extract "${inputs[@]}" --quiet | wc -l)"

# 1,000 articles: the example articles copied under names that sort naturally (a_2 before a_10).
mkdir -p "$work/many"
articles=(fixtures/articles/*.txt)
for i in $(seq 1 1000); do
  cp "${articles[$((i % ${#articles[@]}))]}" "$work/many/a_$i.txt"
done
./target/release/baocao review "$work/many" -o "$work/many.html" --quiet
started=$(date +%s%N)
selftest "$work/many.html" "$(./target/release/baocao extract "$work/many" --quiet | wc -l)"
echo "1,000 articles: $(( $(stat -c %s "$work/many.html") / 1000000 )) MB page, self-test in $(( ($(date +%s%N) - started) / 1000000 )) ms"

timeout 120 "$browser" "${flags[@]}" --user-data-dir="$work/profile-shot" --window-size=1280,1400 --hide-scrollbars \
  --screenshot="$PWD/docs/review.png" "file://$page#doc-0&r=2.3" 2> /dev/null
[ -s docs/review.png ] || { echo "browser test FAILED: no screenshot"; exit 1; }
echo "browser test passed: every record highlighted, index, summary links and addresses work; screenshot at docs/review.png"
