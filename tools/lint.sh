#!/usr/bin/env bash
# Checks formatting (clang-format) and whitespace (final newline, no trailing spaces, no CRLF)
# of the tracked source files. Prints each problem; exits 1 if there is any.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
mapfile -t cxx < <(git ls-files '*.cc' '*.h')
if ((${#cxx[@]})) && command -v clang-format >/dev/null; then
  clang-format --dry-run -Werror "${cxx[@]}" || status=1
fi
while IFS= read -r f; do
  [[ -s "$f" ]] || continue
  case "$f" in samples/*|tests/golden/*|tests/data/*) continue;; esac
  if [[ $(tail -c1 "$f" | od -An -tx1 | tr -d ' ') != "0a" ]]; then echo "$f: no final newline"; status=1; fi
  if grep -nI ' $' "$f" >/dev/null; then echo "$f: trailing whitespace"; status=1; fi
  if grep -qI $'\r' "$f"; then echo "$f: CRLF line ends"; status=1; fi
done < <(git ls-files)
exit $status
