#!/usr/bin/env bash
# Mutation table for `mmapv prove` (issue 13): applies each *.patch in this folder (a realistic bug in a model rule,
# or in the hand-written query / catalogue / lifting code of src/Mmap.Smt), one at a time, to a scratch copy of the
# repository, rebuilds the CLI, runs `mmapv prove`, and prints whether prove caught it (exit code 1). The copy is
# restored after each patch (git apply -R); the working tree is never touched.
#
# Usage: src/Mmap.Smt/mutations/run-mutations.sh [--solvers z3-inproc|z3-inproc,cvc5] [--keep] [PATTERN]
#   PATTERN  only patches whose name matches this extended regex (e.g. '^m' model rules, '^e' query/lifting code).
# Exit: 0 every mutation caught, 1 one survived (or the unmutated catalogue failed), 3 dotnet/git missing.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
solvers="z3-inproc"
keep=0
pattern=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --solvers) solvers="${2:?--solvers needs a value}"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "run-mutations.sh: unknown option $1" >&2; exit 2 ;;
    *) pattern="$1"; shift ;;
  esac
done
command -v dotnet >/dev/null || { echo "run-mutations.sh: dotnet not found" >&2; exit 3; }
command -v git >/dev/null || { echo "run-mutations.sh: git not found" >&2; exit 3; }

work="$(mktemp -d /tmp/mmapv-mutations.XXXXXX)"
cleanup() { [[ $keep == 1 ]] || rm -rf "$work"; }
trap cleanup EXIT
# The scratch copy: every tracked file as it is in the working tree.
(cd "$repo" && git ls-files -z | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$work"

build() { (cd "$work" && dotnet build src/Mmap.Cli -c Release -v q -nologo >"$work/build.log" 2>&1); }
prove() { (cd "$work" && dotnet src/Mmap.Cli/bin/Release/net10.0/mmapv.dll prove --solvers "$solvers" --out "$work/smt" >"$work/prove.log" 2>&1); }
# The entries prove reported as not as expected, short names only.
flipped() { grep -o '^unexpected [a-z0-9-]*' "$work/prove.log" | sed 's/^unexpected //; s/-on-linux-[0-9-]*$//' | sort -u | head -4 | paste -sd' ' -; }

printf 'baseline (no mutation): '
if ! build; then echo "build failed"; tail -20 "$work/build.log"; exit 1; fi
prove; rc=$?
if [[ $rc != 0 ]]; then echo "prove exit $rc: the unmutated catalogue must pass"; tail -20 "$work/prove.log"; exit 1; fi
echo "prove exit 0 ($(grep -o '[0-9]*/[0-9]* as expected' "$work/prove.log"))"

printf '\n%-40s %-8s %-8s %-7s %s\n' mutation kind verdict exit "entries that flipped (first 4)"
total=0; caught=0
for patch in "$here"/*.patch; do
  name="$(basename "$patch" .patch)"
  [[ -n "$pattern" ]] && ! grep -Eq -- "$pattern" <<<"$name" && continue
  kind="$(head -1 "$patch" | sed 's/^# \([a-z]*\):.*/\1/')"
  total=$((total + 1))
  if ! (cd "$work" && git apply "$patch"); then
    printf '%-40s %-8s %-8s %-7s %s\n' "$name" "$kind" "no-apply" "-" "patch does not apply"; continue
  fi
  if ! build; then
    verdict="no-build"; rc="-"; why="$(grep -m1 -o 'error [A-Z0-9]*: .*' "$work/build.log" | cut -c1-60)"
  else
    prove; rc=$?
    if [[ $rc == 1 ]]; then verdict="caught"; caught=$((caught + 1)); why="$(flipped)"; else verdict="SURVIVED"; why=""; fi
  fi
  (cd "$work" && git apply -R "$patch")
  printf '%-40s %-8s %-8s %-7s %s\n' "$name" "$kind" "$verdict" "$rc" "$why"
done
build >/dev/null 2>&1
echo
echo "$caught/$total mutations caught by mmapv prove (solvers: $solvers)"
[[ $caught == "$total" ]]
