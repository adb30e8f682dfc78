#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite twice: a normal build in
# build/ and an AddressSanitizer + UBSan build in build-asan/; then the fuzz targets' smoke
# runs in build-fuzz/. README and .ci/run call this.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
# Two build jobs fit a small machine's memory; CMAKE_BUILD_PARALLEL_LEVEL overrides.
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
cmake --workflow --preset test
cmake --workflow --preset asan
# The fuzz targets, built with clang, each run briefly over its seeds and regression inputs.
cmake --workflow --preset fuzz
echo "foicode: all tests passed (build/, build-asan/ and build-fuzz/)"
