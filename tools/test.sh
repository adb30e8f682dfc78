#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite twice: a normal build in
# build/ and an AddressSanitizer + UBSan build in build-asan/. README and .ci/run call this.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
# Two build jobs fit a small machine's memory; CMAKE_BUILD_PARALLEL_LEVEL overrides.
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
cmake --workflow --preset test
cmake --workflow --preset asan
echo "foicode: all tests passed (build/ and build-asan/)"
