#!/usr/bin/env bash
# Rewrites tests/golden/ from the current build: the extracted text of every sample reply.
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
