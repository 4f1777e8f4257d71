#!/usr/bin/env bash
# Mutation testing of the whole model in shards: one Stryker run per group of model folders, each with its own complete
# report (artifacts/stryker-shards/<shard>/reports/mutation-report.json), so a run that is stopped between shards keeps
# every finished shard, and the shards left can be run later (name them). Every shard uses stryker-config.json (all
# test projects that exercise the model, perTest coverage). stryker-score.py adds the finished shards up, and each
# finished shard's per-file counts go into stryker-ledger.tsv (tracked) with the commit they were measured at, so runs
# made in different sessions add up: `stryker-score.py --ledger properties/Mmap.Model.Tests/stryker-ledger.tsv`.
#
# Usage: properties/Mmap.Model.Tests/stryker-shards.sh [--concurrency N] [SHARD ...]
#   SHARD  one of the names below (default: all, in this order); --list prints them with their folders.
# Exit: 0 every shard ran (survivors do not fail it), 1 a Stryker run failed, 2 bad usage.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/artifacts/stryker-shards"

# The shards: name, then the model's files (globs relative to src/Mmap.Model; '!' leaves a file out). Together they
# cover every file once; small shards finish within a working session (Driver/ and Faults/ together: 385 mutants to
# test, 71 min on 2 cores). KernelDelta.cs has a shard of its own: its mutants are in static records, and each needs
# every test. The name tables of Tracing/ (KernelNames, and the trace filter built from the event types) are the
# `names` shard for the same reason; the rest of Tracing/ (symbols, emitter, renderer) is `tracing`.
declare -A SHARDS=(
  [tracing]="Tracing/**/*.cs !Tracing/KernelNames.cs !Tracing/TraceFilter.cs !Tracing/Trace.cs"
  [names]="Tracing/KernelNames.cs Tracing/TraceFilter.cs Tracing/Trace.cs"
  [mm]="Mm/**/*.cs"
  [memory]="Memory/**/*.cs"
  [syscalls]="Syscalls/**/*.cs Proc/**/*.cs Machine.cs"
  [driver]="Driver/**/*.cs"
  [faults]="Faults/**/*.cs"
  [kernel]="Kernel/**/*.cs !Kernel/KernelDelta.cs"
  [deltas]="Kernel/KernelDelta.cs"
  [rules]="Rules/**/*.cs"
)
ORDER=(names tracing mm memory syscalls driver faults kernel deltas rules)

concurrency=2
chosen=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --concurrency) concurrency="${2:?--concurrency needs a number}"; shift 2 ;;
    --list) for s in "${ORDER[@]}"; do printf '%-14s %s\n' "$s" "${SHARDS[$s]}"; done; exit 0 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "stryker-shards.sh: unknown option $1" >&2; exit 2 ;;
    *) [[ -n "${SHARDS[$1]:-}" ]] || { echo "stryker-shards.sh: unknown shard '$1' (--list names them)" >&2; exit 2; }
       chosen+=("$1"); shift ;;
  esac
done
[[ ${#chosen[@]} -gt 0 ]] || chosen=("${ORDER[@]}")
[[ "$concurrency" =~ ^[1-9][0-9]*$ ]] || { echo "stryker-shards.sh: --concurrency needs a positive number" >&2; exit 2; }

cd "$repo" && dotnet tool restore >/dev/null || exit 1
mkdir -p "$out" || exit 1

# Stryker gives up on a test run that passes its timeout (about 45 s here) but leaves its test host running: a mutant
# that loops for ever keeps a core busy to the end of the shard, and the shard slows as they pile up (measured: 19
# abandoned hosts and one looping for 17 minutes, 5 mutants a minute; 10 a minute once they were gone). No run of one
# mutant lasts 5 minutes, so a test host of this checkout older than that is abandoned and is killed.
reap_abandoned_test_hosts() {
  while sleep 60; do
    ps -eo pid=,etimes=,args= | awk -v dir="exec --runtimeconfig $repo/" 'index($0, dir) && $2 > 300 {print $1}' | xargs -r kill -9 2>/dev/null
  done
}
reap_abandoned_test_hosts &
reaper=$!
trap 'kill $reaper 2>/dev/null' EXIT
status=0
for shard in "${chosen[@]}"; do
  args=()
  for glob in ${SHARDS[$shard]}; do args+=(-m "$glob"); done
  echo "== shard $shard (${SHARDS[$shard]}), started $(date -u +%H:%M:%S)"
  rm -rf "${out:?}/$shard"
  if ! (cd "$here" && dotnet stryker --config-file stryker-config.json -c "$concurrency" -L "${args[@]}" --output "$out/$shard" >"$out/$shard.log" 2>&1); then
    echo "   Stryker failed (log: $out/$shard.log)"; status=1
  fi
  # Mutants left snapshot files beside the approved ones; they describe mutants, not the model.
  rm -f "$repo"/snapshots/*.received.*
  echo "   finished $(date -u +%H:%M:%S)"
  python3 "$here/stryker-score.py" "$out/$shard" | tail -1
  # The ledger keeps each file's last complete run with the commit it ran at (stryker-score.py --ledger adds them up).
  if [[ -f "$out/$shard/reports/mutation-report.json" ]]; then
    commit="$(git -C "$repo" rev-parse --short HEAD)"
    [[ -z "$(git -C "$repo" status --porcelain -- src/Mmap.Model properties)" ]] || commit="$commit+changes"
    python3 "$here/stryker-score.py" --record "$here/stryker-ledger.tsv" --commit "$commit" \
      --scope "$(echo "${SHARDS[$shard]}" | tr ' ' ',')" "$out/$shard" | tail -1
  fi
done
exit $status
