#!/usr/bin/env python3
"""Adds up Stryker reports of the model: per file and in total, Stryker's mutation score
(killed + timeout) / (killed + timeout + survived + no coverage); compile errors and ignored mutants do not count.

Usage: stryker-score.py DIR [DIR ...]   (each DIR holds reports/mutation-report.json, e.g. artifacts/stryker-shards/*)
       stryker-score.py --survivors DIR ...   also lists every survivor and uncovered mutant with its line
       stryker-score.py --record LEDGER --commit SHA --scope GLOBS DIR ...   also writes the counts of the files the run
                        mutated (GLOBS: its comma-separated -m globs, e.g. 'Driver/**/*.cs,Faults/**/*.cs'; a report does
                        not say which files were filtered out) into LEDGER, a tracked TSV with one row per model file and
                        the commit its run was made at; rows of other files are kept
       stryker-score.py --ledger LEDGER   the whole model from LEDGER: every file's last complete run, the total, the
                        files changed since their run (git) and the model files never run
Exit: 0 printed, 2 no report found or bad usage.
A file mutated in several reports is taken from the newest report.
"""
import json
import os
import subprocess
import sys
from collections import Counter

HEADER = "file\tkilled\ttimeout\tsurvived\tno_coverage\tcommit\tdate"

COUNTED = ("Killed", "Timeout", "Survived", "NoCoverage")


def option(argv, name):
    if name not in argv:
        return None
    i = argv.index(name)
    if i + 1 >= len(argv):
        raise SystemExit(f"stryker-score.py: {name} needs a value")
    value = argv[i + 1]
    del argv[i:i + 2]
    return value


def main(argv):
    argv = list(argv)
    ledger_in = option(argv, "--ledger")
    if ledger_in is not None:
        return show_ledger(ledger_in)
    record, commit, scope = option(argv, "--record"), option(argv, "--commit"), option(argv, "--scope")
    if (record is None) != (commit is None) or (record is None) != (scope is None):
        print("stryker-score.py: --record, --commit and --scope go together", file=sys.stderr)
        return 2
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
    files, mutated = {}, {}
    for _, path in sorted(reports):
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        for name, entry in report["files"].items():
            mutants = [m for m in entry["mutants"] if m["status"] in COUNTED]
            mutated[name.split("Mmap.Model/")[-1]] = Counter(m["status"] for m in mutants)
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
    if record is not None:
        import fnmatch
        globs = [g.strip() for g in scope.split(",") if g.strip()]
        # fnmatch's * crosses folders, so 'Driver/**/*.cs' also matches 'Driver/X.cs' once '**/' is read as '*'.
        # A glob starting with '!' leaves files out, as in Stryker's --mutate: they were not mutated by this run.
        def matches(name, globs):
            return any(fnmatch.fnmatch(name, g.replace("**/", "*")) for g in globs)
        take = [g for g in globs if not g.startswith("!")]
        leave = [g[1:] for g in globs if g.startswith("!")]
        in_scope = {n: c for n, c in mutated.items() if matches(n, take) and not matches(n, leave)}
        write_ledger(record, commit, in_scope)
    return 0


def read_ledger(path):
    rows = {}
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            for line in f.read().splitlines()[1:]:
                if line.strip():
                    cells = line.split("\t")
                    rows[cells[0]] = cells
    return rows


def write_ledger(path, commit, counts):
    import datetime
    rows = read_ledger(path)
    today = datetime.date.today().isoformat()
    for name, c in counts.items():
        rows[name] = [name, str(c["Killed"]), str(c["Timeout"]), str(c["Survived"]), str(c["NoCoverage"]), commit, today]
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + "\n")
        for name in sorted(rows):
            f.write("\t".join(rows[name]) + "\n")
    print(f"recorded {len(counts)} files at {commit} in {path}")


def show_ledger(path):
    rows = read_ledger(path)
    if not rows:
        print(f"stryker-score.py: no rows in {path}", file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    model = os.path.normpath(os.path.join(here, "..", "..", "src", "Mmap.Model"))
    total = Counter()
    print(f"{'file':44} {'killed':>7} {'timeout':>7} {'survived':>8} {'no cov.':>7} {'score':>7}  run at")
    changed = []
    for name in sorted(rows):
        _, k, t, s_, n, commit, date = rows[name]
        c = Counter(Killed=int(k), Timeout=int(t), Survived=int(s_), NoCoverage=int(n))
        total.update(c)
        print(f"{name:44} {c['Killed']:7} {c['Timeout']:7} {c['Survived']:8} {c['NoCoverage']:7} {score(c):6.1f}%  {commit} {date}")
        diff = subprocess.run(["git", "-C", model, "diff", "--quiet", commit, "HEAD", "--", name],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if diff.returncode != 0:
            changed.append(name)
    print(f"{'total (' + str(len(rows)) + ' files)':44} {total['Killed']:7} {total['Timeout']:7} {total['Survived']:8} "
          f"{total['NoCoverage']:7} {score(total):6.1f}%")
    never = sorted(os.path.relpath(os.path.join(d, f), model)
                   for d, _, fs in os.walk(model) if os.sep + "obj" not in d and os.sep + "bin" not in d
                   for f in fs if f.endswith(".cs") and os.path.relpath(os.path.join(d, f), model) not in rows)
    print(f"changed since their run: {', '.join(changed) if changed else 'none'}")
    print(f"model files never run ({len(never)}): {', '.join(never) if never else 'none'}")
    return 0


def score(c):
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    return 100.0 * detected / valid if valid else 0.0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
