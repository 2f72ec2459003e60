# shellcheck shell=bash
# Shared by the eng/ scripts (sourced, not run): process and port checks.

# True if process $1 exists and is not a zombie (a killed child of a non-reaping parent).
alive() {
  local st
  if [ -r "/proc/$1/stat" ]; then
    st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
    [ -n "$st" ] && [ "${st%% *}" != Z ] && [ "${st%% *}" != X ]
  else
    kill -0 "$1" 2>/dev/null
  fi
}

# True if something listens on loopback port $1.
port_open() {
  if command -v timeout >/dev/null 2>&1; then
    # shellcheck disable=SC2016 # $0 expands in the inner bash
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}
