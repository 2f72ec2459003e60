#!/usr/bin/env bash
# Generates the compiled model of the functional tests' WarehouseContext with `dotnet ef dbcontext optimize` (the
# dotnet-ef tool pinned in .config/dotnet-tools.json) into test/EFCore.DynamoDb.FunctionalTests/CompiledModels.
# With --check (CI), generates it into a temporary folder instead and fails if the checked-in files differ: the model
# changed without the compiled model being regenerated, or the provider's design-time services broke.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project=test/EFCore.DynamoDb.FunctionalTests
target=$project/CompiledModels
out=$target
if [ "${1:-}" = "--check" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi

dotnet tool restore >/dev/null
dotnet ef dbcontext optimize --project "$project" --context WarehouseContext --configuration Release \
  --output-dir "$(realpath "$out")" --namespace EFCore.DynamoDb.FunctionalTests.CompiledModels

if [ "$out" != "$target" ]; then
  if ! diff -r -I 'modelId: new Guid(' "$target" "$out" >/dev/null; then
    diff -r -I 'modelId: new Guid(' "$target" "$out" | head -40 >&2
    echo "compiled-model: $target is out of date; run bash eng/compiled-model.sh and commit the result" >&2
    exit 1
  fi
  echo "compiled-model: dotnet ef dbcontext optimize reproduces $target"
fi
