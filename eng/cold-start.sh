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

ms() { local start end; start=$(date +%s%N); dotnet "$dll" --cold-start "$1" "$endpoint" >/dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

ms compiled >/dev/null; ms runtime >/dev/null # warm the disk cache
compiled=(); runtime=()
for _ in $(seq "$runs"); do
  compiled+=("$(ms compiled)"); runtime+=("$(ms runtime)")
done
c=$(printf '%s\n' "${compiled[@]}" | median)
r=$(printf '%s\n' "${runtime[@]}" | median)

cat > "$project/cold-start.md" <<REPORT
## Cold start

Process start to the first query result (\`FindAsync\` by full key on DynamoDB Local, a fresh process each time:
\`dotnet EFCore.DynamoDb.Benchmarks.dll --cold-start compiled|runtime\`), median of $runs runs each, alternating,
measured from outside the process by \`bash eng/cold-start.sh\` ($(date -u +%Y-%m-%d)):

| Model | Median | Runs (ms) |
|---|---:|---|
| Compiled (\`dotnet ef dbcontext optimize\`) | $c ms | ${compiled[*]} |
| Built at run time | $r ms | ${runtime[*]} |

The compiled model takes the first query's time to $(awk -v c="$c" -v r="$r" 'BEGIN { printf "%.2f", c / r }')× of building the model at run time.
REPORT
cat "$project/cold-start.md"
