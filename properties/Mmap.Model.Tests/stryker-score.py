#!/usr/bin/env python3
"""Adds up Stryker reports of the model: per file and in total, Stryker's mutation score
(killed + timeout) / (killed + timeout + survived + no coverage); compile errors and ignored mutants do not count.

Usage: stryker-score.py DIR [DIR ...]   (each DIR holds reports/mutation-report.json, e.g. artifacts/stryker-shards/*)
       stryker-score.py --survivors DIR ...   also lists every survivor and uncovered mutant with its line
Exit: 0 printed, 2 no report found.
A file mutated in several reports is taken from the newest report.
"""
import json
import os
import sys
from collections import Counter

COUNTED = ("Killed", "Timeout", "Survived", "NoCoverage")


def main(argv):
    survivors = "--survivors" in argv
    dirs = [a for a in argv if a != "--survivors"]
    reports = []
    for d in dirs:
        path = os.path.join(d, "reports", "mutation-report.json")
        if os.path.isfile(path):
            reports.append((os.path.getmtime(path), path))
    if not reports:
        print("stryker-score.py: no reports/mutation-report.json under " + " ".join(dirs), file=sys.stderr)
        return 2
    files = {}
    for _, path in sorted(reports):
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        for name, entry in report["files"].items():
            mutants = [m for m in entry["mutants"] if m["status"] in COUNTED]
            if mutants:
                files[name.split("Mmap.Model/")[-1]] = (mutants, entry.get("source", ""))
    total = Counter()
    print(f"{'file':44} {'killed':>7} {'timeout':>7} {'survived':>8} {'no cov.':>7} {'score':>7}")
    for name in sorted(files):
        mutants, source = files[name]
        c = Counter(m["status"] for m in mutants)
        total.update(c)
        print(f"{name:44} {c['Killed']:7} {c['Timeout']:7} {c['Survived']:8} {c['NoCoverage']:7} {score(c):6.1f}%")
        if survivors:
            lines = source.splitlines()
            for m in sorted(mutants, key=lambda m: m["location"]["start"]["line"]):
                if m["status"] in ("Survived", "NoCoverage"):
                    line = m["location"]["start"]["line"]
                    text = lines[line - 1].strip()[:90] if 0 < line <= len(lines) else ""
                    print(f"    {m['status']:10} {m['id']:>5} line {line}: {m['mutatorName']}: {m.get('replacement', '')[:60]!r}  [{text}]")
    print(f"{'total (' + str(len(files)) + ' files)':44} {total['Killed']:7} {total['Timeout']:7} {total['Survived']:8} "
          f"{total['NoCoverage']:7} {score(total):6.1f}%")
    return 0


def score(c):
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    return 100.0 * detected / valid if valid else 0.0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
