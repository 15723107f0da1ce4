#!/usr/bin/env bash
# Runs pcscd with vpcd (virtual readers "Virtual PCD 00 00" on TCP 35963 and "Virtual PCD 00 01" on 35964)
# for integration tests, benchmarks and demos.
#
#   scripts/pcscd-harness.sh -- <command...>   run <command> against a private pcscd, then stop it
#   scripts/pcscd-harness.sh --demo            start pcscd with vpcd on this machine and keep it running
#
# With root and a working `unshare`, the private pcscd and <command> run together in their own network
# and mount namespaces: /run/pcscd and the vpcd ports are private, so runs never clash with each other
# or with a system pcscd. The virtual card is a TCP client of vpcd, so it (and the test process) must
# live in that namespace too: that is why the whole command runs inside.
# Inside, loopback gets `quickack 1`: Debian's vpcd writes a frame's length and payload separately, and
# Nagle + delayed ACK would add ~44 ms to every APDU (with quickack an APDU takes ~0.2 ms).
# Without root or unshare, pcscd runs on the host (if none is running already).
#
# The command sees, for test/harness/pcscd.ts (which can stop, start and restart pcscd):
#   PCSCD_HARNESS=namespace|host  PCSCD_HARNESS_DIR=<dir with pcscd.pid and pcscd.log>
#   PCSCD_HARNESS_OWNS_PCSCD=1|0  (0: a pcscd that was already running is used and never stopped)
set -euo pipefail

readonly VPCD_PORTS_HEX=(8C7B 8C7C)
readonly PCSCD_SOCKET=/run/pcscd/pcscd.comm

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

is_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# A pcscd serving this mount namespace's /run/pcscd (pgrep would also see those of other namespaces).
pcscd_running_here() {
  # pcscd ends its pid file with a NUL byte.
  [[ -S $PCSCD_SOCKET ]] && is_alive "$(tr -d '\0' </run/pcscd/pcscd.pid 2>/dev/null || true)"
}

vpcd_listening() {
  local port
  for port in "${VPCD_PORTS_HEX[@]}"; do
    # State 0A is LISTEN; /proc/net/tcp follows the network namespace we are in.
    grep -qE ":${port} 0+:0000 0A" /proc/net/tcp /proc/net/tcp6 2>/dev/null || return 1
  done
}

wait_ready() {
  local pid=$1 i
  for ((i = 0; i < 200; i++)); do
    if ! is_alive "$pid"; then
      echo "pcscd-harness: pcscd exited at start; its log:" >&2
      cat "$PCSCD_HARNESS_DIR/pcscd.log" >&2 || true
      return 1
    fi
    [[ -S $PCSCD_SOCKET ]] && vpcd_listening && return 0
    sleep 0.05
  done
  echo "pcscd-harness: pcscd did not become ready in 10 s" >&2
  return 1
}

start_pcscd() {
  pcscd --foreground >>"$PCSCD_HARNESS_DIR/pcscd.log" 2>&1 &
  echo $! >"$PCSCD_HARNESS_DIR/pcscd.pid"
  wait_ready $!
}

stop_pcscd() {
  [[ ${PCSCD_HARNESS_OWNS_PCSCD:-0} == 1 ]] || return 0
  local pid i
  pid=$(cat "$PCSCD_HARNESS_DIR/pcscd.pid" 2>/dev/null || true)
  is_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    is_alive "$pid" || return 0
    sleep 0.05
  done
  kill -KILL "$pid" 2>/dev/null || true
}

run_command() {
  local status=0
  if pcscd_running_here; then
    echo "pcscd-harness: using the pcscd already running on this machine" >&2
    export PCSCD_HARNESS_OWNS_PCSCD=0
  else
    export PCSCD_HARNESS_OWNS_PCSCD=1
    trap stop_pcscd EXIT
    start_pcscd
  fi
  "$@" || status=$?
  stop_pcscd
  trap - EXIT
  return "$status"
}

inside_namespace() {
  ip link set lo up
  ip route replace local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 quickack 1
  mkdir -p /run/pcscd
  mount -t tmpfs tmpfs /run/pcscd
  export PCSCD_HARNESS=namespace
  run_command "$@"
}

namespaces_work() {
  [[ $(id -u) == 0 ]] && command -v unshare >/dev/null && command -v ip >/dev/null &&
    unshare --mount --net --fork true 2>/dev/null
}

main() {
  command -v pcscd >/dev/null || {
    echo "pcscd-harness: pcscd is not installed (apt install pcscd vsmartcard-vpcd)" >&2
    exit 1
  }
  case "${1:-}" in
    --demo)
      if pcscd_running_here; then
        echo "pcscd-harness: pcscd is already running; virtual cards can connect to 127.0.0.1:35963" >&2
        exit 0
      fi
      echo "pcscd-harness: pcscd with vpcd running (readers on 127.0.0.1:35963 and :35964); Ctrl-C stops" >&2
      exec pcscd --foreground
      ;;
    --inside-namespace)
      shift
      inside_namespace "$@"
      ;;
    --)
      shift
      [[ $# -gt 0 ]] || usage
      # A fresh directory for pcscd.pid and pcscd.log, removed afterwards.
      PCSCD_HARNESS_DIR=$(mktemp -d -t pcscd-harness.XXXXXX)
      export PCSCD_HARNESS_DIR
      local status=0
      if namespaces_work; then
        unshare --mount --net --fork bash "$0" --inside-namespace "$@" || status=$?
      else
        echo "pcscd-harness: no root or no unshare: running pcscd on the host (APDUs ~44 ms slower)" >&2
        export PCSCD_HARNESS=host
        run_command "$@" || status=$?
      fi
      rm -rf "$PCSCD_HARNESS_DIR"
      exit "$status"
      ;;
    *) usage ;;
  esac
}

# On one line: bash reads a script as it runs, so an edit during a long run cannot change what follows.
main "$@"; exit
