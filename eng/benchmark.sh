#!/usr/bin/env bash
# Runs the benchmarks of benchmark/EFCore.DynamoDb.Benchmarks in Release, then regenerates docs/benchmarks.md
# from the results BenchmarkDotNet exported. Run `bash eng/benchmark.sh --help` for usage.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=$ROOT/benchmark/EFCore.DynamoDb.Benchmarks
ARTIFACTS=$PROJECT/BenchmarkDotNet.Artifacts
REPORT=$ROOT/docs/benchmarks.md
# The runtime compiles hot methods again, optimized, only after a call-counting delay and on a background thread:
# a short run without a long warmup measures EF Core (thousands of methods) mostly unoptimized, several times
# slower than it runs once warm, while the few methods of the hand-written baseline are already optimized.
# So every job removes the delay, and the short job warms up for ~8 s before measuring: on 2 cores the background
# compiler needs that long to re-JIT the hot methods of EF Core and the AWS SDK with profile-guided optimization
# (with 2.4 s, EF Core's insert was still getting faster in the measured iterations).
TIERING=(--envVars DOTNET_TC_CallCountingDelayMs:0)
# The short job: one launch, forty warmup and five measured iterations of about 200 ms per benchmark.
SHORT_JOB=(--job short --warmupCount 40 --iterationCount 5 --iterationTime 200)

usage() {
  cat <<EOF
Usage: bash eng/benchmark.sh [--short] [BenchmarkDotNet arguments...]

  (no option)   every benchmark with BenchmarkDotNet's default job (accurate; takes long)
  --short       every benchmark with a short job (${SHORT_JOB[*]})
  other args    passed to BenchmarkDotNet, e.g. --filter '*PointRead*' (the default filter is '*')

Each benchmark case starts its own DynamoDB Local through eng/dynamodb-local.sh (Java and npm are
installed on first use). Results go to ${ARTIFACTS#"$ROOT"/}; docs/benchmarks.md is rewritten from them,
even when some benchmarks failed (their cells say n/a and the script exits with 1).
EOF
}

short=0 filtered=0 bdn_args=()
for arg in "$@"; do
  case $arg in
    --short) short=1 ;;
    -h | --help) usage; exit 0 ;;
    --filter | --filter=*) filtered=1; bdn_args+=("$arg") ;;
    *) bdn_args+=("$arg") ;;
  esac
done
[ "$filtered" = 1 ] || bdn_args+=(--filter '*')
[ "$short" = 0 ] || bdn_args=("${SHORT_JOB[@]}" "${bdn_args[@]}")
bdn_args=("${TIERING[@]}" "${bdn_args[@]}")

command="bash eng/benchmark.sh"
for arg in "$@"; do command+=" $(printf '%q' "$arg")"; done

cd "$ROOT"
rm -rf "$ARTIFACTS/results" # the report must show this run only
status=0
dotnet run -c Release --project "$PROJECT" -- --artifacts "$ARTIFACTS" "${bdn_args[@]}" || status=$?

if [ -d "$ARTIFACTS/results" ]; then
  dotnet run -c Release --no-build --project "$PROJECT" -- --report "$ARTIFACTS/results" "$REPORT" "$command"
else
  echo "benchmark.sh: BenchmarkDotNet exported no results; $REPORT is unchanged" >&2
  [ "$status" != 0 ] || status=1
fi
exit "$status"
