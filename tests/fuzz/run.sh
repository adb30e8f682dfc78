#!/usr/bin/env bash
# Runs one fuzz target: first every input in regressions/TARGET/ (crash reproducers, each run
# once), then fuzzing for N seconds from the seeds seed.py makes. Prints the executions
# libFuzzer reports and any crash, leak or timeout file it wrote. The ctest smoke tests and
# tools/fuzz both run this.
#   run.sh --build DIR [--seconds N] [--smoke] TARGET
# --smoke starts from an empty corpus each time and keeps nothing; otherwise the corpus grows
# in DIR/corpus/TARGET across runs, and findings go to DIR/crashes/TARGET/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build="" seconds=10 smoke=0 target=""
while (($#)); do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --smoke) smoke=1; shift ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) target=$1; shift ;;
  esac
done
[[ -n "$build" && -n "$target" ]] || { echo "usage: run.sh --build DIR [--seconds N] [--smoke] TARGET" >&2; exit 2; }
build=$(cd "$build" && pwd)
fuzzer="$build/tests/fuzz/fuzz_$target"
[[ -x "$fuzzer" ]] || { echo "run.sh: no fuzzer $fuzzer (build the fuzz preset)" >&2; exit 2; }

# Leaks fail the run; third-party libraries' lifetime allocations are suppressed as in ASan.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

if ((smoke)); then
  work="$build/fuzz-smoke/$target"
  rm -rf "$work"
  corpus="$work/corpus" artifacts="$work/artifacts"
  # A slow, busy machine must not fail a smoke run: only a hang is a timeout here.
  timeout=120
else
  work="$build/fuzz-work/$target"
  corpus="$build/corpus/$target" artifacts="$build/crashes/$target"
  timeout=20
fi
seeds="$work/seeds"
mkdir -p "$work" "$corpus" "$artifacts"
python3 "$here/seed.py" "$target" --source "$source_dir" --out "$seeds" \
  --make-seeds "$build/tests/fuzz/make_seeds"

log="$work/fuzz.log"
status=0
regressions="$here/regressions/$target"
mapfile -t reproducers < <(find "$regressions" -type f ! -name 'README*' 2>/dev/null | sort)
if ((${#reproducers[@]})); then
  echo "$target: running ${#reproducers[@]} regression inputs"
  "$fuzzer" -timeout="$timeout" "${reproducers[@]}" >"$work/regressions.log" 2>&1 || {
    status=$?
    tail -n 60 "$work/regressions.log"
    echo "$target: FAILED on a regression input (exit $status; log $work/regressions.log)"
    exit "$status"
  }
fi

dirs=("$corpus" "$seeds")
[[ -d "$regressions" ]] && dirs+=("$regressions")
# A long run that stops on a finding starts again from its corpus until its time is used
# (at most 10 times), so one shallow bug does not hide the rest; a smoke run stops.
start=$SECONDS execs=0 attempt=0
: >"$log"
while :; do
  left=$((seconds - (SECONDS - start)))
  ((left > 0)) || break
  status=0
  "$fuzzer" -max_total_time="$left" -timeout="$timeout" -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "${dirs[@]}" >"$log.last" 2>&1 || status=$?
  cat "$log.last" >>"$log"
  n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log.last" | tail -n 1)
  execs=$((execs + ${n:-0}))
  ((status != 0 && !smoke && ++attempt < 10)) || break
done
rm -f "$log.last"
echo "$target: $execs executions in $((SECONDS - start))s (corpus $(find "$corpus" -type f | wc -l) files; log $log)"
found=0
for f in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
  [[ -e "$f" ]] || continue
  echo "$target: found $f"
  found=1
done
if ((status != 0)); then
  grep -m 1 -E '^==[0-9]+==ERROR|^SUMMARY|runtime error|ERROR: libFuzzer' "$log" || true
  ((smoke)) && tail -n 80 "$log"
  echo "$target: FAILED (exit $status)"
  exit "$status"
fi
((found == 0)) || exit 1
