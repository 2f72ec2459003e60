#!/usr/bin/env bash
# Builds and runs the sample forum API (samples/EFCore.DynamoDb.Sample), which starts its own DynamoDB Local,
# calls every endpoint with curl (printing each request, status and body), then stops the app again.
# Exits 0 only if every call answered with the expected status.
#
#   bash eng/run-sample.sh
#
# Environment:
#   SAMPLE_ARTIFACTS  build and run with `--artifacts-path $SAMPLE_ARTIFACTS` instead of the repo's bin/obj folders
#   SAMPLE_PORT       the app's HTTP port (default: a free one in 45001-60000)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/processes.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/processes.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Without an endpoint in its configuration the app starts (and stops) a throw-away, in-memory DynamoDB Local, so
# every run begins with empty tables and the expected statuses below hold. Make sure it does.
unset AWS_ENDPOINT_URL_DYNAMODB DynamoDb__ServiceUrl

readonly PROJECT=samples/EFCore.DynamoDb.Sample
readonly HEALTH_TIMEOUT=90 # seconds
ARTIFACTS=()
[ -z "${SAMPLE_ARTIFACTS:-}" ] || ARTIFACTS=(--artifacts-path "$SAMPLE_ARTIFACTS")

say() { echo "run-sample: $*"; }
die() { say "error: $*" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || die "curl is needed"
START=$SECONDS



free_port() {
  local i p
  for ((i = 0; i < 100; i++)); do
    p=$((45001 + RANDOM % 15000))
    port_open "$p" || { echo "$p"; return 0; }
  done
  die "found no free port in 45001-60000"
}

# --- the app, and stopping it whatever happens ------------------------------------------------------------
APP_PID="" APP_LOG="" RESPONSE=""

# True while a process of group $1 (dotnet run and the app it started) exists and is not a zombie. dotnet run
# does not wait for the app to finish shutting down, so waiting for dotnet run alone would not be enough.
group_running() {
  if [ -r /proc/self/stat ]; then
    # /proc/PID/stat after the ") " that ends the command name: state ppid pgrp ...
    # (cat fails on processes that end while it reads; that must not decide the answer under pipefail)
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | sed 's/.*) //' | awk -v g="$1" '$3 == g && $1 != "Z" { found = 1 } END { exit !found }'
  else
    kill -0 -- "-$1" 2>/dev/null
  fi
}

# SIGTERM to the app's process group: the app shuts down gracefully and stops its DynamoDB Local on the way.
# (Not SIGINT: a script started in the background without job control ignores SIGINT, and so would the app.)
# SIGKILL after 30 s; the watchdog of eng/dynamodb-local.sh then stops DynamoDB Local.
stop_app() {
  local deadline=$((SECONDS + 30))
  [ -n "$APP_PID" ] || return 0
  kill -TERM -- "-$APP_PID" 2>/dev/null || true
  while group_running "$APP_PID" && ((SECONDS < deadline)); do sleep 0.2; done
  if group_running "$APP_PID"; then
    say "the app did not stop within 30 s; killing it"
    kill -KILL -- "-$APP_PID" 2>/dev/null || true
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$APP_PID" ]; then
    say "stopping the app (pid $APP_PID)"
    stop_app
  fi
  if [ "$rc" -ne 0 ] && [ -s "$APP_LOG" ]; then
    say "last lines of the app's log ($APP_LOG):"
    tail -n 40 "$APP_LOG" | sed 's/^/  | /'
  elif [ -n "$APP_LOG" ]; then
    rm -f "$APP_LOG"
  fi
  rm -f "$RESPONSE"
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- build, and DynamoDB Local's one-time downloads (so the health wait below does not include them) ------
say "building $PROJECT (Release)"
dotnet build "$PROJECT" -c Release ${ARTIFACTS[@]+"${ARTIFACTS[@]}"}
bash eng/dynamodb-local.sh fetch
bash eng/dynamodb-local.sh ensure-java

PORT=${SAMPLE_PORT:-$(free_port)}
BASE=http://127.0.0.1:$PORT
APP_LOG=$(mktemp "${TMPDIR:-/tmp}/efcore-dynamodb-sample.XXXXXX")
RESPONSE=$(mktemp "${TMPDIR:-/tmp}/efcore-dynamodb-sample-response.XXXXXX")

say "starting the app on $BASE (log: $APP_LOG)"
set -m # job control: the app gets its own process group, which stop_app signals as a whole
dotnet run --no-build -c Release ${ARTIFACTS[@]+"${ARTIFACTS[@]}"} --project "$PROJECT" --urls "$BASE" \
  </dev/null >"$APP_LOG" 2>&1 &
APP_PID=$!
APP_START=$SECONDS
set +m

say "waiting up to ${HEALTH_TIMEOUT}s for GET /health to answer Healthy"
deadline=$((SECONDS + HEALTH_TIMEOUT))
until [ "$(curl -s --noproxy '*' --max-time 5 "$BASE/health" 2>/dev/null)" = Healthy ]; do
  alive "$APP_PID" || die "the app exited during startup"
  ((SECONDS < deadline)) || die "GET /health did not answer Healthy within ${HEALTH_TIMEOUT}s"
  sleep 1
done
say "the app is healthy, $((SECONDS - APP_START))s after it was started"

# --- the calls ----------------------------------------------------------------------------------------------
CALLS=0
FAILURES=()

# Prints a response body indented, pretty-printed if it is JSON and jq is there.
show_body() {
  if [ ! -s "$1" ]; then
    echo "  (no body)"
  elif command -v jq >/dev/null 2>&1 && jq -e . "$1" >/dev/null 2>&1; then
    jq . "$1" | sed 's/^/  /'
  else
    sed 's/^/  /' "$1"
    echo
  fi
}

# call METHOD PATH EXPECTED-STATUS [JSON-BODY]
call() {
  local method=$1 path=$2 expected=$3 body=${4-} status verdict args=()
  [ -z "$body" ] || args=(-H 'Content-Type: application/json' --data "$body")
  CALLS=$((CALLS + 1))
  echo
  echo "> $method $path${body:+ $body}"
  : >"$RESPONSE"
  status=$(curl -s --noproxy '*' --max-time 30 -o "$RESPONSE" -w '%{http_code}' -X "$method" \
    ${args[@]+"${args[@]}"} "$BASE$path") || status=000
  if [ "$status" = "$expected" ]; then
    verdict="as expected"
  else
    verdict="EXPECTED $expected"
    FAILURES+=("$method $path: $status, expected $expected")
  fi
  echo "< $status ($verdict)"
  show_body "$RESPONSE"
}

call GET /health 200

call POST /forums 201 '{"name":"PynamoDB","description":"All things PynamoDB"}'
call POST /forums 201 '{"name":"DynamoDB","description":"The database itself"}'
call POST /forums 409 '{"name":"PynamoDB","description":"Again"}' # duplicate key
call GET /forums 200
call GET /forums/PynamoDB 200
call GET /forums/Cassandra 404

call POST /forums/PynamoDB/threads 201 '{"subject":"Getting started","message":"How do I define a model?","postedBy":"alice","tags":"models,beginner"}'
call POST /forums/PynamoDB/threads 201 '{"subject":"Querying","message":"Query or scan?","postedBy":"bob"}'
call POST /forums/PynamoDB/threads 201 '{"subject":"Transactions","message":"Are writes atomic?","postedBy":"carol","tags":"writes"}'
call POST /forums/PynamoDB/threads 409 '{"subject":"Querying","message":"Duplicate subject","postedBy":"dave"}'
call POST /forums/PynamoDB/threads 400 '{"subject":"#forum","message":"The sort key of the forum item","postedBy":"mallory"}'
call POST /forums/Cassandra/threads 404 '{"subject":"Hello","message":"Anyone here?","postedBy":"erin"}'

call PUT /forums/PynamoDB/threads/Querying/views 200
call PUT /forums/PynamoDB/threads/Querying/views 200
call PUT /forums/PynamoDB/threads/Getting%20started/views 200
call PUT /forums/PynamoDB/threads/Missing/views 404

call GET /forums/PynamoDB/threads 200
call GET '/forums/PynamoDB/threads?newestFirst=true&take=2' 200
call GET '/forums/PynamoDB/threads?minViews=2' 200
call GET /forums/PynamoDB 200 # threadCount: 3
call GET '/forums/PynamoDB?withThreads=true' 200 # the forum and its 3 threads, one Query

call DELETE /forums/PynamoDB/threads/Transactions 204
call DELETE /forums/PynamoDB/threads/Transactions 404
call GET /forums/PynamoDB 200 # threadCount: 2

# --- stop, and check that the app stopped its DynamoDB Local ---------------------------------------------
echo
say "stopping the app"
stop_app
ddb_pid=$(sed -n 's/.*DynamoDB Local is ready at .* (pid \([0-9]*\)).*/\1/p' "$APP_LOG" | tail -n 1)
if [ -n "$ddb_pid" ] && alive "$ddb_pid"; then
  FAILURES+=("the app exited but its DynamoDB Local (pid $ddb_pid) is still running")
  bash eng/dynamodb-local.sh stop "$ddb_pid" || true
fi

if [ ${#FAILURES[@]} -gt 0 ]; then
  say "FAILED after $((SECONDS - START))s ($CALLS calls):"
  printf '  %s\n' "${FAILURES[@]}"
  exit 1
fi
say "all $CALLS calls answered as expected; the app and its DynamoDB Local stopped ($((SECONDS - START))s)"
