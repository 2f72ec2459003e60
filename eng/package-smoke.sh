#!/usr/bin/env bash
# Packs EFCore.DynamoDb, then builds a tiny app outside the repository that restores the package from a local folder
# feed (dependencies from the machine's configured NuGet source) and saves and queries on DynamoDB Local.
# Exits non-zero if packing, restoring or the app fails. Usage: bash eng/package-smoke.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
ddb_pid=""
version="0.1.0-smoke.$(date +%s)"
cleanup() {
  [ -n "$ddb_pid" ] && bash eng/dynamodb-local.sh stop "$ddb_pid" >/dev/null 2>&1 || true
  rm -rf "$work" "${NUGET_PACKAGES:-$HOME/.nuget/packages}/efcore.dynamodb/$version"
}
trap cleanup EXIT

# A unique version, so that restore never takes an earlier package from the global packages folder. The repository
# URL is given as SourceLink would read it from an https origin (a clone of the public repository): the package's
# project URL comes from it.
dotnet pack src/EFCore.DynamoDb -c Release -o "$work/feed" -p:Version="$version" \
  -p:PrivateRepositoryUrl=https://example.invalid/EFCore.DynamoDb.git --nologo -v quiet
test -f "$work/feed/EFCore.DynamoDb.$version.nupkg"
test -f "$work/feed/EFCore.DynamoDb.$version.snupkg"
# The listing is read whole first: `unzip | grep -q` fails under pipefail when grep stops reading early (SIGPIPE).
contents=$(unzip -l "$work/feed/EFCore.DynamoDb.$version.nupkg")
grep -q "lib/net10.0/EFCore.DynamoDb.xml" <<<"$contents"
grep -q " README.md" <<<"$contents"
nuspec=$(unzip -p "$work/feed/EFCore.DynamoDb.$version.nupkg" EFCore.DynamoDb.nuspec)
grep -q "<projectUrl>https://example.invalid/EFCore.DynamoDb</projectUrl>" <<<"$nuspec" ||
  { echo "package-smoke: the package's project URL is not its repository's" >&2; exit 1; }

cp -r eng/package-consumer "$work/app"
cat > "$work/app/NuGet.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="packed" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG
dotnet build "$work/app" -c Release -p:EFCoreDynamoDbVersion="$version" --nologo -v quiet

server=$(bash eng/dynamodb-local.sh start --owner-pid $$)
endpoint=$(sed -n 's/^endpoint=//p' <<<"$server")
ddb_pid=$(sed -n 's/^pid=//p' <<<"$server")
dotnet "$work/app/bin/Release/net10.0/PackageConsumer.dll" "$endpoint"
echo "package-smoke: EFCore.DynamoDb $version packed, restored from a folder feed and used by an app outside the solution"
