#!/usr/bin/env bash
# Installs what is missing, builds build/foicode, and codes the replies in samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
cmake --preset dev >/dev/null
cmake --build --preset dev --target foicode
build/foicode run samples/replies --out out/samples --cohort samples/cohort.csv
echo "results: $(pwd)/out/samples/ (report.html, responses.jsonl, responses.csv, systems.csv, changes.jsonl)"
