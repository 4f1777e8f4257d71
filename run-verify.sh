#!/usr/bin/env bash
# mmap-verify: install what the suite needs, build it, run every check, print a summary table.
#
#   ./run-verify.sh            everything: corpus, counterexamples, proofs, bounded-exhaustive check,
#                              the test suite, a deep randomized campaign, the real-kernel oracle
#   ./run-verify.sh --tests    only the test suite (dotnet test over Verification.sln); last line
#                              "N passed, N failed"
#   ./run-verify.sh --kernel   only the real-kernel oracle: the corpus, the full-knob conformance matrix and a
#                              seeded differential fuzzing campaign on Linux 6.1, 6.12 and 7.3 in QEMU
#   ./run-verify.sh --accept   also accept changed snapshots (never when CI is set)
#   ./run-verify.sh --quick    skip the deep campaign and the kernel oracle
#   ./run-verify.sh --mutation mutation testing of the whole model with Stryker over every test project, in shards
#                              (long: hours on 2 cores; MMAP_STRYKER_SHARDS='tracing ...' runs some shards,
#                              MMAP_STRYKER_MUTATE='Rules/**/*.cs ...' one run over some model files)
#
# MMAP_CAMPAIGN_CASES=N sets the deep campaign's cases per property (default 100000).
# MMAP_ROBUSTNESS_CASES=N sets the command-line robustness campaign's cases (default 100000).
# MMAP_FUZZ_CASES=N and MMAP_FUZZ_SEED=S set the differential fuzzing campaign on the real kernels (default 3000
# scenarios per series, seed = today's date as YYYYMMDD, printed with the step).
# Exit status: 0 when every step passed, 1 otherwise, 2 for a bad option or setting.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
OUT="$ROOT/artifacts"
mkdir -p "$OUT"

MODE=all
ACCEPT=0
QUICK=0
for arg in "$@"; do
  case "$arg" in
    --tests) MODE=tests ;;
    --kernel) MODE=kernel ;;
    --accept) ACCEPT=1 ;;
    --quick) QUICK=1 ;;
    --mutation) MODE=mutation ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run-verify.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done
CAMPAIGN_CASES="${MMAP_CAMPAIGN_CASES:-100000}"
if ! [[ "$CAMPAIGN_CASES" =~ ^[1-9][0-9]{0,8}$ ]]; then
  echo "run-verify.sh: MMAP_CAMPAIGN_CASES='$CAMPAIGN_CASES' is not a number of cases (allowed: 1..999999999)" >&2
  exit 2
fi
FUZZ_CASES="${MMAP_FUZZ_CASES:-3000}"
if ! [[ "$FUZZ_CASES" =~ ^[1-9][0-9]{0,6}$ ]]; then
  echo "run-verify.sh: MMAP_FUZZ_CASES='$FUZZ_CASES' is not a number of scenarios (allowed: 1..9999999)" >&2
  exit 2
fi
FUZZ_SEED="${MMAP_FUZZ_SEED:-$(date +%Y%m%d)}"
if ! [[ "$FUZZ_SEED" =~ ^[0-9]{1,19}$ ]]; then
  echo "run-verify.sh: MMAP_FUZZ_SEED='$FUZZ_SEED' is not an unsigned 64-bit seed" >&2
  exit 2
fi
ROBUSTNESS_CASES="${MMAP_ROBUSTNESS_CASES:-100000}"
if ! [[ "$ROBUSTNESS_CASES" =~ ^[1-9][0-9]{0,8}$ ]]; then
  echo "run-verify.sh: MMAP_ROBUSTNESS_CASES='$ROBUSTNESS_CASES' is not a number of cases (allowed: 1..999999999)" >&2
  exit 2
fi
if [ "$ACCEPT" = 1 ] && [ -n "${CI:-}" ]; then
  echo "run-verify.sh: --accept is refused when CI is set" >&2
  exit 2
fi

STEPS=()
RESULTS=()
FAILED=0
record() { STEPS+=("$1"); RESULTS+=("$2"); [ "$2" = PASS ] || FAILED=1; }

# ---------- installation ----------
APT_BASE=(libz3-4 z3 cvc5)

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
      echo "run-verify.sh: please install: ${missing[*]}" >&2; return 1; fi
  fi
  echo "== installing ${missing[*]}"
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$OUT/apt.log" 2>&1 \
    || { echo "run-verify.sh: apt-get install failed, see $OUT/apt.log" >&2; return 1; }
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "run-verify.sh: the .NET 10 SDK is required (dotnet not found)" >&2
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

apt_install "${APT_BASE[@]}" || record "install solvers (libz3, z3, cvc5)" FAIL
apt_install coccinelle || record "install coccinelle (spatch, for mmapv audit)" FAIL
# Headless Chromium checks that the pictures render and fit 1000 and 1400 px windows (render-check.sh and the
# Chromium tests, which skip without it).
if [ "$MODE" = all ] || [ "$MODE" = tests ]; then
  apt_install chromium || record "install chromium (picture checks)" FAIL
fi
# The real-kernel oracle: QEMU, busybox, gcc and Debian's 6.1, 6.12 and 7.3 cloud kernels (apt-get download +
# dpkg -x into a cache, never installed as the host kernel; 7.3 comes from trixie-backports through a private apt
# configuration, src/Mmap.Oracle/scripts/private-apt.sh, so the system's sources are never touched). The test suite's kernel tests skip, with the
# reason, when the kernels are absent; everything else needs them.
if { [ "$QUICK" = 0 ] || [ "$MODE" != all ]; } && [ "$MODE" != mutation ]; then
  echo "== kernels for the oracle"
  if ! bash src/Mmap.Oracle/scripts/install-oracle.sh 6.1 6.12 7.3; then
    if [ "$MODE" = tests ] && [ -z "${CI:-}" ]; then
      echo "run-verify.sh: kernels not installed; the kernel tests will be skipped" >&2
    else
      record "install QEMU and kernels for the oracle" FAIL
    fi
  fi
fi

# ---------- build ----------
echo "== build"
if dotnet build Verification.sln -c Release -nologo -v quiet >"$OUT/build.log" 2>&1; then
  record "build" PASS
else
  grep -E "error" "$OUT/build.log" | sort -u | head -30
  record "build" FAIL
  [ "$MODE" = tests ] && TEST_FAILED_BUILD=1
  MODE=none
fi
CLI=(dotnet "$ROOT/src/Mmap.Cli/bin/Release/net10.0/mmapv.dll")

run_step() { # name, command...
  local name=$1; shift
  echo "== $name"
  if "$@"; then record "$name" PASS; else record "$name" FAIL; fi
}

# ---------- the test suite ----------
TEST_PASSED=0
TEST_FAILED=0
run_tests() {
  echo "== tests (dotnet test Verification.sln)"
  local log="$OUT/tests.log"
  local accept_env=()
  [ "$ACCEPT" = 1 ] && accept_env=(MMAP_ACCEPT_SNAPSHOTS=1)
  env "${accept_env[@]}" dotnet test Verification.sln -c Release --no-build -nologo 2>&1 | tee "$log" \
    | grep -E "^(Passed!|Failed!)|^\s+Failed |error" || true
  local rc=${PIPESTATUS[0]}
  TEST_PASSED=$(grep -E "^(Passed!|Failed!)" "$log" | sed -E 's/.*Passed: *([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
  TEST_FAILED=$(grep -E "^(Passed!|Failed!)" "$log" | sed -E 's/.*Failed: *([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
  [ -z "$TEST_PASSED" ] && TEST_PASSED=0
  [ -z "$TEST_FAILED" ] && TEST_FAILED=0
  if [ "$rc" -ne 0 ] && [ "$TEST_FAILED" -eq 0 ]; then TEST_FAILED=1; fi
  [ "$rc" -eq 0 ] && record "tests ($TEST_PASSED passed)" PASS || record "tests ($TEST_FAILED failed)" FAIL
}

# 100 000 cases per property (MMAP_CAMPAIGN_CASES to change it) from fresh seeds; each property's seed and result
# is printed, numbered, as soon as it finishes (test results are sent one at a time: BatchSize=1) and kept in
# artifacts/deep-campaign.log, so a failure can be replayed with MMAP_PROPERTY_SEED=seed,gamma.
deep_campaign() {
  env MMAP_PROPERTY_MAXTEST="$CAMPAIGN_CASES" MMAP_PROPERTY_SEED=random \
    dotnet test properties/Mmap.Properties.Tests -c Release --no-build -nologo --logger "console;verbosity=detailed" \
      -- RunConfiguration.BatchSize=1 2>&1 \
    | tee "$OUT/deep-campaign.log" \
    | grep --line-buffered -E "OK, passed|Falsifiable|^\s+Failed |^(Passed|Failed)!" \
    | sed -u 's/^ *Mmap.Properties.Tests.Properties.//' \
    | awk '/OK, passed|Falsifiable/ { printf "[%d] %s\n", ++n, $0; fflush(); next } { print; fflush() }'
  return "${PIPESTATUS[0]}"
}

# The command-line robustness campaign (properties/Mmap.Cli.Tests/RobustnessCampaign.cs): mutated and generated
# scenario files and argument vectors through every command in-process, from a fresh seed; the report (seed, exit
# codes, largest output, failures with reproducers in artifacts/robustness/) is kept in artifacts/robustness.log.
robustness_campaign() {
  env MMAP_ROBUSTNESS_CASES="$ROBUSTNESS_CASES" MMAP_ROBUSTNESS_SEED=random \
    dotnet test properties/Mmap.Cli.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~RobustnessCampaign" \
      --logger "console;verbosity=detailed" 2>&1 \
    | tee "$OUT/robustness.log" \
    | grep --line-buffered -E "robustness campaign:|kinds:|exit codes:|largest output|failures|^\s+Failed |^(Passed|Failed)!"
  return "${PIPESTATUS[0]}"
}

# A seeded differential campaign on the three real kernels (mmapv fuzz): the seed is printed with the step, so the
# same scenarios can be run again with MMAP_FUZZ_SEED; disagreements are shrunk into artifacts/fuzz (not into the
# repository's counterexample corpus) and the summary is kept in artifacts/fuzz.log.
fuzz_campaign() {
  "${CLI[@]}" fuzz --count "$FUZZ_CASES" --seed "$FUZZ_SEED" --kernel all --batch 1000 --max-shrinks 3 --out "$OUT/fuzz" 2>&1 \
    | tee "$OUT/fuzz.log" | grep -v "still running"
  return "${PIPESTATUS[0]}"
}

case "$MODE" in
  tests)
    run_tests
    ;;
  mutation)
    # Every test project that exercises the model (rule tests, properties, snapshots, the SMT proofs, which evaluate
    # the model's own rules, and the command line). The projects, the perTest coverage and the filter that leaves out
    # the tests booting real kernels (README commands), the z3/cvc5 command-line cross-checks, the timing benchmarks
    # and the encoding/model differential (a model mutant changes both of its sides alike) are in
    # properties/Mmap.Model.Tests/stryker-config.json. The whole model runs in shards (stryker-shards.sh), each with
    # its own report, added up by stryker-score.py; MMAP_STRYKER_SHARDS='tracing syscalls' runs only those shards,
    # MMAP_STRYKER_MUTATE='Rules/**/*.cs Faults/**/*.cs' one run over those model files instead.
    dotnet tool restore >/dev/null
    if [[ -n "${MMAP_STRYKER_MUTATE:-}" ]]; then
      echo "== mutation testing of src/Mmap.Model files $MMAP_STRYKER_MUTATE (report in artifacts/stryker)"
      MUTATE_ARGS=()
      read -r -a MUTATE_GLOBS <<<"$MMAP_STRYKER_MUTATE"
      for glob in "${MUTATE_GLOBS[@]}"; do MUTATE_ARGS+=(-m "$glob"); done
      run_step "mutation testing (Stryker)" bash -c 'set -o pipefail; cd properties/Mmap.Model.Tests && dotnet stryker --config-file stryker-config.json "$@" --output "'"$OUT"'/stryker" | tail -80' _ "${MUTATE_ARGS[@]}"
      # A mutant that changes a trace makes the snapshot tests write *.received.* files beside the approved ones; they
      # describe mutants, not the model, and would fail the next test run as stale.
      rm -f snapshots/*.received.*
    else
      echo "== mutation testing of the whole src/Mmap.Model in shards (reports in artifacts/stryker-shards)"
      read -r -a SHARD_NAMES <<<"${MMAP_STRYKER_SHARDS:-}"
      run_step "mutation testing (Stryker, shards)" properties/Mmap.Model.Tests/stryker-shards.sh "${SHARD_NAMES[@]}"
      run_step "mutation score over the finished shards" python3 properties/Mmap.Model.Tests/stryker-score.py "$OUT"/stryker-shards/*
      # Every shard run so far, in this session or earlier ones, each file at the commit it was measured at.
      run_step "mutation score of the whole model (ledger)" python3 properties/Mmap.Model.Tests/stryker-score.py --ledger properties/Mmap.Model.Tests/stryker-ledger.tsv
    fi
    ;;
  kernel)
    run_step "kernel oracle: corpus on 6.1, 6.12 and 7.3" "${CLI[@]}" oracle --kernel all properties/corpus
    run_step "kernel oracle: full-knob conformance matrix on 6.1, 6.12 and 7.3" "${CLI[@]}" oracle --kernel all --matrix
    run_step "differential fuzzing: $FUZZ_CASES random scenarios per series, seed $FUZZ_SEED" fuzz_campaign
    ;;
  all)
    run_step "corpus on the model" "${CLI[@]}" run properties/corpus --quiet
    run_step "counterexample corpus" "${CLI[@]}" regress properties/counterexamples
    run_step "proofs (z3 in-process, z3 and cvc5 CLIs)" "${CLI[@]}" prove --out "$OUT/smt"
    run_step "bounded-exhaustive check (7.4M points)" "${CLI[@]}" check --driver seed --svg "$OUT/check-seed.svg"
    run_tests
    echo "== pictures render in headless Chromium and fit 1000 and 1400 px windows"
    src/Mmap.Pictures/render-check.sh snapshots/*.verified.svg "$OUT/check-seed.svg" >"$OUT/render-check.log" 2>&1
    case $? in
      0) record "pictures render in headless Chromium" PASS ;;
      3) record "pictures render in headless Chromium (no chromium: skipped)" PASS ;;
      *) tail -5 "$OUT/render-check.log"; record "pictures render in headless Chromium" FAIL ;;
    esac
    run_step "benchmark: model evaluations/s and exhaustive scope" "${CLI[@]}" bench --seconds 2
    run_step "benchmark: proof catalogue in-process vs z3 CLI" dotnet run -c Release --no-build --project src/Mmap.Benchmarks -- 3
    if [ "$QUICK" = 0 ]; then
      run_step "deep randomized campaign ($CAMPAIGN_CASES cases per property)" deep_campaign
      run_step "command-line robustness campaign ($ROBUSTNESS_CASES cases)" robustness_campaign
      run_step "kernel oracle: corpus on 6.1, 6.12 and 7.3" "${CLI[@]}" oracle --kernel all properties/corpus
      run_step "differential fuzzing: $FUZZ_CASES random scenarios per series, seed $FUZZ_SEED" fuzz_campaign
    fi
    ;;
esac

# ---------- summary ----------
echo
printf '%-60s %s\n' "step" "result"
printf '%-60s %s\n' "----" "------"
for i in "${!STEPS[@]}"; do printf '%-60s %s\n' "${STEPS[$i]}" "${RESULTS[$i]}"; done
if [ "$MODE" = tests ]; then
  echo "$TEST_PASSED passed, $TEST_FAILED failed"
elif [ "${TEST_FAILED_BUILD:-0}" = 1 ]; then
  echo "0 passed, 1 failed"
fi
exit $FAILED
