#!/usr/bin/env bash
# The README's test command: build and test the whole solution in Release.
# Extra arguments go to `dotnet test` (e.g. --filter). Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build EFCore.DynamoDb.sln -c Release

out=$(mktemp)
trap 'rm -f "$out"' EXIT
rc=0
dotnet test EFCore.DynamoDb.sln -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 |
  tee "$out" || rc=$?

# One plain closing line summed over all test projects, from the summary dotnet test prints per assembly:
#   Total tests: 13
#        Passed: 12
#       Skipped: 1
awk '/^Total tests:/ { n++ } n && /^ +Passed: / { p += $2 } n && /^ +Failed: / { f += $2 } n && /^ +Skipped: / { s += $2 }
  END { if (n) printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$out"
exit "$rc"
