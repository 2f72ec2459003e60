#!/usr/bin/env bash
# Cold start: the time from process start to the first query result, with and without the compiled model, for a
# one-entity model (items), EF Core's classic Northwind model (eleven entity types) and a sixty-entity model (large),
# measured from outside the process over several runs each (alternating), on DynamoDB Local. Writes the medians to
# benchmark/EFCore.DynamoDb.Benchmarks/cold-start.md, which the benchmark report (docs/benchmarks.md) includes.
# Usage: bash eng/cold-start.sh [runs, default 10]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs=${1:-10}
project=benchmark/EFCore.DynamoDb.Benchmarks
dll=$project/bin/Release/net10.0/EFCore.DynamoDb.Benchmarks.dll
models=(items northwind large)
modes=(compiled runtime)

dotnet build "$project" -c Release --nologo -v quiet
server=$(bash eng/dynamodb-local.sh start --owner-pid $$)
endpoint=$(sed -n 's/^endpoint=//p' <<<"$server")
pid=$(sed -n 's/^pid=//p' <<<"$server")
trap 'bash eng/dynamodb-local.sh stop "$pid" >/dev/null 2>&1 || true' EXIT
for model in "${models[@]}"; do dotnet "$dll" --cold-start seed "$endpoint" "$model"; done

# One run: "<process start to result, ms> <first use of EF Core to result, ms>".
run() { local start end inner; start=$(date +%s%N); inner=$(dotnet "$dll" --cold-start "$1" "$endpoint" "$2"); end=$(date +%s%N); echo "$(( (end - start) / 1000000 )) $inner"; }
median() { tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

declare -A whole query
for model in "${models[@]}"; do for mode in "${modes[@]}"; do run "$mode" "$model" >/dev/null; done; done # warm the disk cache
for _ in $(seq "$runs"); do
  for model in "${models[@]}"; do
    for mode in "${modes[@]}"; do
      read -r w q < <(run "$mode" "$model")
      whole[$model,$mode]="${whole[$model,$mode]:-} $w"; query[$model,$mode]="${query[$model,$mode]:-} $q"
    done
  done
done

declare -A wm qm
rows=""
for model in "${models[@]}"; do
  for mode in "${modes[@]}"; do
    wm[$model,$mode]=$(median <<<"${whole[$model,$mode]# }"); qm[$model,$mode]=$(median <<<"${query[$model,$mode]# }")
    case $model in items) name="One entity type" ;; northwind) name="Northwind (11 entity types)" ;; *) name="Large (60 entity types)" ;; esac
    how=$([ "$mode" = compiled ] && echo "compiled (\`dotnet ef dbcontext optimize\`)" || echo "built at run time")
    rows+="| $name | $how | ${wm[$model,$mode]} ms | ${qm[$model,$mode]} ms | ${whole[$model,$mode]# } | ${query[$model,$mode]# } |"$'\n'
  done
done
ratio() { awk -v c="$1" -v r="$2" 'BEGIN { printf "%.2f", c / r }'; }

cat > "$project/cold-start.md" <<REPORT
## Cold start

The first query of a fresh process (\`FindAsync\` by full key on DynamoDB Local:
\`dotnet EFCore.DynamoDb.Benchmarks.dll --cold-start compiled|runtime <endpoint> items|northwind|large\`), median of $runs
runs each, alternating (\`bash eng/cold-start.sh\`, $(date -u +%Y-%m-%d)). *Whole process*: from process start to the
result, measured from outside. *First query*: from the program's first use of EF Core (options, context) to the
result, measured inside: the part the model can change, without the runtime's own start. Three models: the
benchmark's one entity type; EF Core's classic Northwind sample (eleven entity types, relationships, owned
addresses, ten indexes) with only its keys configured for DynamoDB; and a model of a line-of-business
application's size (sixty entity types of eleven properties, each related to the previous one through an indexed
foreign key).

| Model | Built | Whole process (median) | First query (median) | Whole process runs (ms) | First query runs (ms) |
|---|---|---:|---:|---|---|
${rows}
With the compiled model, the first query takes $(ratio "${qm[items,compiled]}" "${qm[items,runtime]}")× the time of building the model at run time
for one entity type, $(ratio "${qm[northwind,compiled]}" "${qm[northwind,runtime]}")× for Northwind and $(ratio "${qm[large,compiled]}" "${qm[large,runtime]}")× for sixty entity types (target: at
most 0.50×); the whole process $(ratio "${wm[items,compiled]}" "${wm[items,runtime]}")×, $(ratio "${wm[northwind,compiled]}" "${wm[northwind,runtime]}")× and $(ratio "${wm[large,compiled]}" "${wm[large,runtime]}")×.
REPORT
cat "$project/cold-start.md"
