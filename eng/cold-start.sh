#!/usr/bin/env bash
# Cold start: the time from process start to the first query result, with and without the compiled model, measured
# from outside the process over several runs each (alternating), on DynamoDB Local. Writes the medians to
# benchmark/EFCore.DynamoDb.Benchmarks/cold-start.md, which the benchmark report (docs/benchmarks.md) includes.
# Usage: bash eng/cold-start.sh [runs, default 10]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs=${1:-10}
project=benchmark/EFCore.DynamoDb.Benchmarks
dll=$project/bin/Release/net10.0/EFCore.DynamoDb.Benchmarks.dll

dotnet build "$project" -c Release --nologo -v quiet
server=$(bash eng/dynamodb-local.sh start --owner-pid $$)
endpoint=$(sed -n 's/^endpoint=//p' <<<"$server")
pid=$(sed -n 's/^pid=//p' <<<"$server")
trap 'bash eng/dynamodb-local.sh stop "$pid" >/dev/null 2>&1 || true' EXIT
dotnet "$dll" --cold-start seed "$endpoint"

# One run: "<process start to result, ms> <first use of EF Core to result, ms>".
run() { local start end inner; start=$(date +%s%N); inner=$(dotnet "$dll" --cold-start "$1" "$endpoint"); end=$(date +%s%N); echo "$(( (end - start) / 1000000 )) $inner"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

run compiled >/dev/null; run runtime >/dev/null # warm the disk cache
compiled=(); runtime=(); compiled_query=(); runtime_query=()
for _ in $(seq "$runs"); do
  read -r whole query < <(run compiled); compiled+=("$whole"); compiled_query+=("$query")
  read -r whole query < <(run runtime); runtime+=("$whole"); runtime_query+=("$query")
done
c=$(printf '%s\n' "${compiled[@]}" | median)
r=$(printf '%s\n' "${runtime[@]}" | median)
cq=$(printf '%s\n' "${compiled_query[@]}" | median)
rq=$(printf '%s\n' "${runtime_query[@]}" | median)

cat > "$project/cold-start.md" <<REPORT
## Cold start

The first query of a fresh process (\`FindAsync\` by full key on DynamoDB Local:
\`dotnet EFCore.DynamoDb.Benchmarks.dll --cold-start compiled|runtime\`), median of $runs runs each, alternating
(\`bash eng/cold-start.sh\`, $(date -u +%Y-%m-%d)). *Whole process*: from process start to the result, measured from
outside. *First query*: from the program's first use of EF Core (options, context) to the result, measured inside:
the part the model can change, without the runtime's own start.

| Model | Whole process (median) | First query (median) | Whole process runs (ms) | First query runs (ms) |
|---|---:|---:|---|---|
| Compiled (\`dotnet ef dbcontext optimize\`) | $c ms | $cq ms | ${compiled[*]} | ${compiled_query[*]} |
| Built at run time | $r ms | $rq ms | ${runtime[*]} | ${runtime_query[*]} |

The compiled model takes the first query's time to $(awk -v c="$cq" -v r="$rq" 'BEGIN { printf "%.2f", c / r }')× of building the model at run time
(target: at most 0.50×), and the whole process's to $(awk -v c="$c" -v r="$r" 'BEGIN { printf "%.2f", c / r }')×.
REPORT
cat "$project/cold-start.md"
