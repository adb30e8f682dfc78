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
# The golden is the machine's coding: the review state every written record carries is dropped.
python3 - "$out/responses.jsonl" > tests/golden/responses.jsonl <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    r.pop("review", None)
    for s in r["systems"]:
        s.pop("review", None)
        for u in s["usage"]:
            u.pop("review", None)
    print(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
PY
echo "rewrote tests/golden/responses.jsonl ($(wc -l < tests/golden/responses.jsonl) records)"
