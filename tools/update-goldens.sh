#!/usr/bin/env bash
# Rewrites tests/golden/ from the current build: the extracted text of every sample reply,
# and the coded dataset of all of them.
# Review the diff like code before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
cmake --build "$build" --target foicode >/dev/null
rm -rf tests/golden/extract
find samples/replies -type f -print0 | sort -z | while IFS= read -r -d '' f; do
  out="tests/golden/extract/${f#samples/replies/}.json"
  mkdir -p "$(dirname "$out")"
  "$build/foicode" extract "$f" --json > "$out"
done
echo "rewrote $(find tests/golden/extract -type f | wc -l) goldens in tests/golden/extract/"
# The coded dataset of all samples, run from the checkout so paths read samples/replies/...
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/foicode" run samples/replies --out "$out" --jobs 2 >/dev/null
cp "$out/responses.jsonl" tests/golden/responses.jsonl
echo "rewrote tests/golden/responses.jsonl ($(wc -l < tests/golden/responses.jsonl) records)"
