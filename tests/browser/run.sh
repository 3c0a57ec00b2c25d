#!/usr/bin/env bash
# The review page in a real headless browser (Debian's chromium, installed when missing): it loads
# with no console errors, its self-test finds one highlight per record and working kind filters, and
# a screenshot is written to target/review.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "== installing chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) > /dev/null
  browser=$(command -v chromium)
fi
cargo build --release --locked --quiet
inputs=(fixtures/articles)
[ -d ../shared/eval/dev/texts ] && inputs+=(../shared/eval/dev/texts)
page="$PWD/target/review.html"
./target/release/baocao review "${inputs[@]}" -o "$page" --quiet
expected=$(./target/release/baocao extract "${inputs[@]}" --quiet | wc -l)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --virtual-time-budget=10000)

dom=$(timeout 120 "$browser" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$page#selftest" 2> target/review-console.log)
result=$(printf '%s' "$dom" | grep -o 'id="selftest-result">[^<]*' | sed 's/.*">//')
echo "browser: $result"
console_errors=$(grep -E 'CONSOLE|Uncaught' target/review-console.log | grep -iE 'error|uncaught' || true)
if [ -n "$console_errors" ]; then
  echo "browser test FAILED: console errors:"; echo "$console_errors"; exit 1
fi
case "$result" in
  "SELFTEST PASS"*" highlights=$expected records=$expected") ;;
  *) echo "browser test FAILED: expected $expected highlights and records"; exit 1 ;;
esac
timeout 120 "$browser" "${flags[@]}" --window-size=1280,900 --screenshot="$PWD/target/review.png" "file://$page#doc-0" 2> /dev/null
[ -s target/review.png ] || { echo "browser test FAILED: no screenshot"; exit 1; }
echo "browser test passed: $expected records highlighted, filters work, screenshot at target/review.png"
