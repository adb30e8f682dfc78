#!/usr/bin/env bash
# Times extraction: each sample reply on its own (`foicode extract`, median of N runs), then the
# whole batch (`foicode run`) with its peak memory. Run on an idle machine; figures vary with load.
#   tools/bench/extract-samples.sh [RUNS]        (default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
bin=build/foicode
[[ -x $bin ]] || { echo "build first: cmake --preset dev && cmake --build build" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

median_ms() {  # command... -> median wall time in ms over $runs runs
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

printf '%-8s %8s  %s\n' kind ms file
find samples/replies -type f -print0 | sort -z | while IFS= read -r -d '' f; do
  kind=$("$bin" extract "$f" --json | sed -n 's/^  "kind": "\(.*\)",$/\1/p' | head -1)
  printf '%-8s %8s  %s\n' "$kind" "$(median_ms "$bin" extract "$f")" "${f#samples/replies/}"
done
for jobs in 1 2; do
  ms=$(median_ms "$bin" run samples/replies --out "$out/d$jobs" --jobs "$jobs")
  rss="?"  # GNU time (Debian package "time") reports the peak
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%M' -o "$out/rss" "$bin" run samples/replies --out "$out/m$jobs" --jobs "$jobs" \
      >/dev/null 2>&1 || true
    rss=$(tail -1 "$out/rss")
  fi
  echo "batch of $(find samples/replies -type f | wc -l) inputs, --jobs $jobs: ${ms} ms, peak RSS ${rss} KiB"
done
