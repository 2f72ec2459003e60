#!/usr/bin/env bash
# Generates the checked-in compiled models with `dotnet ef dbcontext optimize` (the dotnet-ef tool pinned in
# .config/dotnet-tools.json): the functional tests' WarehouseContext (a model with every provider annotation) and the
# benchmark's ColdStartContext (one entity type), NorthwindContext (EF Core's classic sample model) and
# LargeModelContext (sixty entity types), each into a CompiledModels folder of its project.
# With --check (CI), generates them into temporary folders instead and fails if a checked-in file differs (beyond the
# random model id): a model changed without its compiled model being regenerated, or the design-time services broke.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

check=false
[ "${1:-}" = "--check" ] && check=true
dotnet tool restore >/dev/null

generate() { # project context namespace folder
  local project=$1 context=$2 namespace=$3 target=$1/$4
  local out
  out=$(mktemp -d)
  dotnet ef dbcontext optimize --project "$project" --context "$context" --configuration Release \
    --output-dir "$out" --namespace "$namespace" >/dev/null

  # Each generation draws a new model id: a model that differs only in it is unchanged.
  if diff -r -I 'modelId: new Guid(' "$target" "$out" >/dev/null 2>&1; then
    $check && echo "compiled-model: dotnet ef dbcontext optimize reproduces $target"
  elif $check; then
    diff -r -I 'modelId: new Guid(' "$target" "$out" | head -40 >&2
    echo "compiled-model: $target is out of date; run bash eng/compiled-model.sh and commit the result" >&2
    rm -rf "$out"
    exit 1
  else
    mkdir -p "$target" && rm -f "$target"/*.cs && cp "$out"/*.cs "$target"/
    echo "compiled-model: regenerated $target"
  fi
  rm -rf "$out"
}

generate test/EFCore.DynamoDb.FunctionalTests WarehouseContext EFCore.DynamoDb.FunctionalTests.CompiledModels CompiledModels
generate benchmark/EFCore.DynamoDb.Benchmarks ColdStartContext EFCore.DynamoDb.Benchmarks.CompiledModels.ColdStart CompiledModels/ColdStart
generate benchmark/EFCore.DynamoDb.Benchmarks NorthwindContext EFCore.DynamoDb.Benchmarks.CompiledModels.Northwind CompiledModels/Northwind
generate benchmark/EFCore.DynamoDb.Benchmarks LargeModelContext EFCore.DynamoDb.Benchmarks.CompiledModels.Large CompiledModels/Large
