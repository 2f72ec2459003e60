#!/usr/bin/env bash
# shellcheck disable=SC2013,SC2015,SC2317 # `a && b || die` is intended; on_exit runs from a trap
# Fetches, starts and stops DynamoDB Local for the functional tests and for humans.
# Run `bash eng/dynamodb-local.sh help` for usage. Only start, run and help write to stdout;
# every progress or error message goes to stderr.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/processes.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/processes.sh"

readonly DDB_VERSION=1.25.1
# DynamoDB Local is not on a package registry by itself; this npm package ships the
# official 1.25.1 distribution in its emulator/ folder.
readonly NPM_SPEC=amplify-dynamodb-simulator@2.9.30
# SHA-256 of emulator/DynamoDBLocal.jar in that package (guards against a changed package).
readonly JAR_SHA256=454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7
readonly READY_TIMEOUT=60 # seconds

DDB_HOME=${DYNAMODB_LOCAL_HOME:-${HOME:?set HOME or DYNAMODB_LOCAL_HOME}/.cache/efcore-dynamodb/dynamodb-local-$DDB_VERSION}
TMP_DIR=${TMPDIR:-/tmp}
TMP_DIR=${TMP_DIR%/}
SCRIPT_PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
SETSID=$(command -v setsid || true) # util-linux; absent on macOS, where nohup alone is used

say() { echo "dynamodb-local: $*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
  cat <<EOF
Usage: bash eng/dynamodb-local.sh <command> [options]

Commands:
  fetch                   Put DynamoDB Local $DDB_VERSION into the cache (uses 'npm pack $NPM_SPEC').
  ensure-java             Install openjdk-17-jre-headless with apt-get unless Java 11+ is on PATH.
  ensure-npm              Install npm with apt-get unless it is on PATH (fetch needs it).
  start [--port N] [--owner-pid PID]
                          Fetch, ensure Java, start an in-memory, shared-db DynamoDB Local in the
                          background (random free port in 20000-45000 unless --port) and wait until
                          it answers. Prints exactly two lines on stdout:
                            endpoint=http://127.0.0.1:N
                            pid=<java pid>
                          With --owner-pid, a watchdog stops the server once PID has exited.
  stop PID                Stop a server started by 'start' (TERM, then KILL after 5 s).
  run [--port N]          Start, print the endpoint, wait for Ctrl+C, then stop.
  help                    Show this text.

Environment:
  DYNAMODB_LOCAL_HOME       cache directory (default: \$HOME/.cache/efcore-dynamodb/dynamodb-local-$DDB_VERSION)
  DYNAMODB_LOCAL_JAVA_OPTS  extra JVM options, e.g. "-Xmx512m"
  TMPDIR                    where server logs go (default: /tmp)

Note: DynamoDB Local has no bind-address option; it listens on all interfaces.
EOF
}

# --- cleanup on exit: half-done fetches and servers whose start did not finish ---
CLEANUP_DIRS=()
STARTING_PID="" # a java process that must not outlive a failed or interrupted start
RUN_PID=""      # the server of `run`, stopped on Ctrl+C
on_exit() {
  local rc=$? d
  trap - EXIT INT TERM
  [ -z "$STARTING_PID" ] || stop_pid "$STARTING_PID" >/dev/null 2>&1 || true
  [ -z "$RUN_PID" ] || { say "stopping DynamoDB Local (pid $RUN_PID)"; stop_pid "$RUN_PID" || true; }
  for d in ${CLEANUP_DIRS[@]+"${CLEANUP_DIRS[@]}"}; do rm -rf "$d"; done
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

is_uint() { [[ ${1:-} =~ ^[0-9]+$ ]]; }


# Runs "$@" (with cwd $2) in a new session with stdin from /dev/null, stdout+stderr appended
# to $1 and every other inherited fd closed, so nothing of the caller (e.g. a pipe a test
# host reads to EOF) stays open. Writes the final pid (after exec) to $3.
detach() {
  local log=$1 cwd=$2 pidfile=$3
  shift 3
  # shellcheck disable=SC2016 # expanded by the inner bash
  $SETSID nohup bash -c '
    echo $$ >"$0"
    cd "$1" && shift
    for fd in /proc/$$/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ] 2>/dev/null; then exec {fd}>&-; fi
    done
    exec "$@"' "$pidfile" "$cwd" "$@" </dev/null >>"$log" 2>&1 &
}

# --- fetch -------------------------------------------------------------------------------
sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# Renames directory $1 to $2 in one rename(2); fails if $2 exists and is not empty.
publish_dir() {
  if mv --version >/dev/null 2>&1; then
    mv -T "$1" "$2" 2>/dev/null # GNU mv: never moves $1 *into* an existing $2
  else
    [ ! -e "$2" ] && mv "$1" "$2"
  fi
}

cmd_fetch() {
  if [ -f "$DDB_HOME/DynamoDBLocal.jar" ]; then
    say "DynamoDB Local $DDB_VERSION is in $DDB_HOME"
    return 0
  fi
  command -v npm >/dev/null 2>&1 ||
    die "npm is needed to fetch DynamoDB Local ($NPM_SPEC); install it (e.g. 'bash eng/dynamodb-local.sh ensure-npm') or put DynamoDBLocal.jar and DynamoDBLocal_lib/ into $DDB_HOME"
  command -v tar >/dev/null 2>&1 || die "tar is needed to fetch DynamoDB Local"

  # Work in a temp dir beside the cache (same file system), then rename it into place: a
  # concurrent or interrupted fetch never leaves a half-filled cache behind.
  local parent stage tgz sum
  parent=$(dirname "$DDB_HOME")
  mkdir -p "$parent"
  stage=$(mktemp -d "$parent/.$(basename "$DDB_HOME").partial.XXXXXX")
  CLEANUP_DIRS+=("$stage")

  say "fetching DynamoDB Local $DDB_VERSION (npm pack $NPM_SPEC) into $DDB_HOME"
  (cd "$stage" && NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false \
    npm pack --ignore-scripts --loglevel=warn --pack-destination "$stage" "$NPM_SPEC") >&2 ||
    die "npm pack $NPM_SPEC failed"
  tgz=$(find "$stage" -maxdepth 1 -name '*.tgz' -print -quit)
  [ -n "$tgz" ] || die "npm pack produced no tarball"
  tar -xzf "$tgz" --no-same-owner -C "$stage" package/emulator || die "could not unpack $tgz"
  rm -f "$tgz"
  [ -f "$stage/package/emulator/DynamoDBLocal.jar" ] && [ -d "$stage/package/emulator/DynamoDBLocal_lib" ] ||
    die "$NPM_SPEC has no emulator/DynamoDBLocal.jar + DynamoDBLocal_lib/"
  sum=$(sha256_of "$stage/package/emulator/DynamoDBLocal.jar")
  [ -z "$sum" ] || [ "$sum" = "$JAR_SHA256" ] ||
    die "DynamoDBLocal.jar checksum mismatch (got $sum, expected $JAR_SHA256)"

  if publish_dir "$stage/package/emulator" "$DDB_HOME"; then
    say "DynamoDB Local $DDB_VERSION installed in $DDB_HOME"
  elif [ -f "$DDB_HOME/DynamoDBLocal.jar" ]; then
    say "DynamoDB Local $DDB_VERSION was installed in $DDB_HOME by a concurrent fetch"
  else
    die "$DDB_HOME exists but holds no DynamoDBLocal.jar; remove it and retry"
  fi
}

# --- ensure-java / ensure-npm --------------------------------------------------------------
# apt-get, as root or through sudo; all output goes to stderr. $1 = what is being installed.
APT_SUDO=""
apt_update() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $1 yourself"
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "installing $1 needs root: run as root, install sudo, or install $1 yourself"
    APT_SUDO=sudo
  fi
  say "apt-get update"
  $APT_SUDO env DEBIAN_FRONTEND=noninteractive apt-get update >&2 || die "apt-get update failed"
}
apt_install() {
  say "apt-get install $*"
  $APT_SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2 ||
    die "apt-get install $* failed"
  hash -r
}

# Major version of the java on PATH (8 for "1.8.0_x", 17 for "17.0.15"), 0 if none works.
java_major() {
  local v
  v=$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1) || true
  case $v in 1.*) v=${v#1.} ;; esac
  v=${v%%[!0-9]*}
  echo "${v:-0}"
}

cmd_ensure_java() {
  local major=0 pkg=openjdk-17-jre-headless
  command -v java >/dev/null 2>&1 && major=$(java_major)
  if [ "$major" -ge 11 ]; then
    say "java $major found ($(command -v java))"
    return 0
  fi
  if [ "$major" -gt 0 ]; then say "java $major is too old (DynamoDB Local needs 11+)"; else say "no java on PATH"; fi
  apt_update "a Java 11+ runtime ($pkg)"
  # Debian 13 (trixie) has no openjdk-17; take its default JRE (21) there.
  apt-cache show "$pkg" >/dev/null 2>&1 || { say "$pkg is not available; using default-jre-headless"; pkg=default-jre-headless; }
  apt_install "$pkg"
  major=$(java_major)
  [ "$major" -ge 11 ] || die "java 11+ still not found after installing $pkg (java on PATH reports version '$major')"
  say "java $major installed"
}

cmd_ensure_npm() {
  if command -v npm >/dev/null 2>&1; then
    say "npm $(npm --version 2>/dev/null || echo '?') found"
    return 0
  fi
  apt_update npm
  apt_install npm ca-certificates
  command -v npm >/dev/null 2>&1 || die "npm still not found after installing it"
}

# --- start ---------------------------------------------------------------------------------

pick_port() {
  local i p
  for ((i = 0; i < 100; i++)); do
    p=$((20000 + RANDOM % 25001))
    port_open "$p" || { echo "$p"; return 0; }
  done
  die "found no free port in 20000-45000"
}

# True once DynamoDB Local on port $1 answers ListTables (or, without curl, accepts connections).
answers() {
  local out
  if command -v curl >/dev/null 2>&1; then
    out=$(curl -s --noproxy '*' --connect-timeout 1 --max-time 3 -X POST \
      -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
      -H 'Content-Type: application/x-amz-json-1.0' \
      -H 'Authorization: AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
      --data '{}' "http://127.0.0.1:$1/" 2>/dev/null) || return 1
    [[ $out == *TableNames* ]]
  else
    port_open "$1"
  fi
}

# True if process $1 holds the listening socket of TCP port $2 (Linux /proc), so that a
# server that lost a race for the port is not mistaken for the one answering on it.
# Where /proc is missing this cannot be told and is assumed true.
owns_port() {
  local pid=$1 files=() inode
  [ -r /proc/net/tcp ] || return 0
  files=(/proc/net/tcp)
  [ -r /proc/net/tcp6 ] && files+=(/proc/net/tcp6)
  for inode in $(awk -v p=":$(printf '%04X' "$2")" \
    '$4 == "0A" && substr($2, length($2) - 4) == p { print $10 }' "${files[@]}"); do
    [ -n "$(find "/proc/$pid/fd" -maxdepth 1 -lname "socket:\\[$inode\\]" 2>/dev/null)" ] && return 0
  done
  return 1
}

# Starts a server; sets SERVER_PORT, SERVER_PID, SERVER_LOG. $1 = requested port or "".
start_server() {
  local want=$1 attempt port log pidfile pid state deadline i extra=()
  read -r -a extra <<<"${DYNAMODB_LOCAL_JAVA_OPTS:-}"
  cmd_fetch >&2
  cmd_ensure_java >&2
  for attempt in 1 2 3; do
    if [ -n "$want" ]; then
      port=$want
      ! port_open "$port" || die "port $port is already in use"
    else
      port=$(pick_port)
    fi
    log=$(mktemp "$TMP_DIR/dynamodb-local-$port.XXXXXX")
    pidfile=$(mktemp "$TMP_DIR/dynamodb-local-$port.pid.XXXXXX")
    say "starting DynamoDB Local on port $port (log: $log)"
    # No host option exists (1.25.1 `-help`): the server binds 0.0.0.0; clients use 127.0.0.1.
    detach "$log" "$DDB_HOME" "$pidfile" java ${extra[@]+"${extra[@]}"} \
      "-Djava.library.path=$DDB_HOME/DynamoDBLocal_lib" -jar "$DDB_HOME/DynamoDBLocal.jar" \
      -inMemory -sharedDb -port "$port" -disableTelemetry
    pid=""
    for ((i = 0; i < 100; i++)); do
      pid=$(cat "$pidfile" 2>/dev/null || true)
      [ -n "$pid" ] && break
      sleep 0.1
    done
    rm -f "$pidfile"
    [ -n "$pid" ] || die "could not launch java (log: $log)"
    STARTING_PID=$pid

    state=timeout
    deadline=$((SECONDS + READY_TIMEOUT))
    while ((SECONDS < deadline)); do
      alive "$pid" || { state=exited; break; }
      # On a taken port the JVM prints "Failed to bind" but does not exit.
      grep -qE 'Failed to bind|BindException' "$log" 2>/dev/null && { state=bind; break; }
      if answers "$port" && owns_port "$pid" "$port"; then state=ready; break; fi
      sleep 0.5
    done

    if [ "$state" = ready ]; then
      SERVER_PORT=$port SERVER_PID=$pid SERVER_LOG=$log
      return 0
    fi
    stop_pid "$pid" >/dev/null 2>&1 || true
    STARTING_PID=""
    if [ "$state" = bind ] && [ -z "$want" ] && [ "$attempt" -lt 3 ]; then
      say "port $port was taken meanwhile; trying another"
      continue
    fi
    case $state in
      timeout) say "error: DynamoDB Local did not answer on port $port within ${READY_TIMEOUT}s" ;;
      exited) say "error: DynamoDB Local exited during startup" ;;
      bind) say "error: DynamoDB Local could not bind port $port" ;;
    esac
    say "last lines of $log:"
    tail -n 40 "$log" >&2 || true
    exit 1
  done
}

# Stops server $1 when process $2 (the owner) no longer exists; ends when the server ends.
cmd_watchdog() {
  local pid=$1 owner=$2
  while alive "$pid"; do
    if ! alive "$owner"; then
      say "owner process $owner is gone; stopping DynamoDB Local (pid $pid)"
      stop_pid "$pid"
      return 0
    fi
    sleep 2
  done
}

start_watchdog() { # $1 = server pid, $2 = owner pid
  detach "$SERVER_LOG" / /dev/null bash "$SCRIPT_PATH" _watchdog "$1" "$2"
}

parse_start_args() { # sets OPT_PORT, OPT_OWNER
  OPT_PORT="" OPT_OWNER=""
  while [ $# -gt 0 ]; do
    case $1 in
      --port) [ $# -ge 2 ] || die "--port needs a value"; OPT_PORT=$2; shift 2 ;;
      --port=*) OPT_PORT=${1#*=}; shift ;;
      --owner-pid) [ $# -ge 2 ] || die "--owner-pid needs a value"; OPT_OWNER=$2; shift 2 ;;
      --owner-pid=*) OPT_OWNER=${1#*=}; shift ;;
      *) die "unknown option '$1' (see 'help')" ;;
    esac
  done
  [ -z "$OPT_PORT" ] || { is_uint "$OPT_PORT" && [ "$OPT_PORT" -ge 1 ] && [ "$OPT_PORT" -le 65535 ]; } ||
    die "--port needs a port number (1-65535)"
  [ -z "$OPT_OWNER" ] || is_uint "$OPT_OWNER" || die "--owner-pid needs a process id"
  [ -z "$OPT_OWNER" ] || alive "$OPT_OWNER" || die "owner process $OPT_OWNER does not exist"
}

cmd_start() {
  parse_start_args "$@"
  start_server "$OPT_PORT"
  [ -z "$OPT_OWNER" ] || start_watchdog "$SERVER_PID" "$OPT_OWNER"
  STARTING_PID=""
  say "DynamoDB Local is ready at http://127.0.0.1:$SERVER_PORT (pid $SERVER_PID)"
  echo "endpoint=http://127.0.0.1:$SERVER_PORT"
  echo "pid=$SERVER_PID"
}

# --- stop / run --------------------------------------------------------------------------
stop_pid() {
  local pid=$1 i
  alive "$pid" || { say "pid $pid is not running"; return 0; }
  if [ -r "/proc/$pid/cmdline" ] && ! grep -qa DynamoDBLocal "/proc/$pid/cmdline"; then
    say "pid $pid is not DynamoDB Local (the server has exited and its pid was reused); not killing it"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do alive "$pid" || return 0; sleep 0.1; done
  say "pid $pid ignored SIGTERM for 5 s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do alive "$pid" || return 0; sleep 0.1; done
  die "pid $pid is still running"
}

cmd_stop() {
  [ $# -eq 1 ] && is_uint "$1" || die "usage: stop PID"
  stop_pid "$1"
}

cmd_run() {
  local a
  for a in "$@"; do case $a in --owner-pid*) die "run takes only --port" ;; esac; done
  parse_start_args "$@"
  start_server "$OPT_PORT"
  RUN_PID=$SERVER_PID STARTING_PID=""
  start_watchdog "$SERVER_PID" $$ # also stops the server if this shell is killed hard
  cat <<EOF
DynamoDB Local $DDB_VERSION is running at http://127.0.0.1:$SERVER_PORT (pid $SERVER_PID, log $SERVER_LOG)
  export AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:$SERVER_PORT DYNAMODB_ENDPOINT=http://127.0.0.1:$SERVER_PORT
Press Ctrl+C to stop.
EOF
  while alive "$SERVER_PID"; do sleep 1; done
  RUN_PID=""
  say "DynamoDB Local exited; last lines of $SERVER_LOG:"
  tail -n 20 "$SERVER_LOG" >&2 || true
  exit 1
}

main() {
  local cmd=${1:-help}
  [ $# -eq 0 ] || shift
  case $cmd in
    fetch) cmd_fetch ;;
    ensure-java) cmd_ensure_java ;;
    ensure-npm) cmd_ensure_npm ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    run) cmd_run "$@" ;;
    _watchdog) cmd_watchdog "$@" ;; # internal, started by start --owner-pid
    help | -h | --help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

# One line, so bash has read it all before running: editing this file under a running
# watchdog cannot make bash read garbage afterwards.
main "$@"; exit $?
