#!/usr/bin/env bash
# Summarises a Stryker run from its trace log (dotnet stryker -L writes OUTPUT/logs/log-DATE.txt), also while the run
# is still going: how many mutants were tested so far, killed (a test failed or timed out), survived, and the source
# text of every survivor. Used when a full run does not finish in the time available (see mutation-survivors.md).
# Usage: properties/Mmap.Model.Tests/stryker-log-summary.sh OUTPUT/logs/log-DATE.txt
# Exit: 0 printed, 2 no such log.
set -euo pipefail
log="${1:?usage: stryker-log-summary.sh LOG}"
[[ -f "$log" ]] || { echo "stryker-log-summary.sh: $log: no such file" >&2; exit 2; }
python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
created = {m.group(1): (m.group(2), m.group(3), m.group(4)) for m in re.finditer(
    r'Mutant (\d+) created "(.*?)" -> "(.*?)" using "Stryker\.Core\.Mutators\.(\w+)"', text, re.S)}
fates = {}
for m in re.finditer(r'Test run for "(\d+): [^"]*" is "(\w+)"', text):
    fates[m.group(1)] = m.group(2)
for m in re.finditer(r'Test run for "(\d+): [^"]*" timed out', text):
    fates[m.group(1)] = "timeout"
killed = [i for i, f in fates.items() if f in ("failed", "timeout")]
survived = [i for i, f in fates.items() if f == "success"]
tested = len(killed) + len(survived)
print(f"tested {tested}: killed {len(killed)}, survived {len(survived)}"
      + (f", score over the tested mutants {100.0 * len(killed) / tested:.1f} %" if tested else ""))
for i in sorted(survived, key=int):
    before, after, mutator = created.get(i, ("?", "?", "?"))
    one = lambda s: " ".join(s.split())[:160]
    print(f"  survived {i} ({mutator}): {one(before)}  ->  {one(after)}")
PY
