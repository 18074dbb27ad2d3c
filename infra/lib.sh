# shellcheck shell=bash
# Helpers shared by setup.sh, ctl.sh, up.sh and down.sh. Sourced, never run.

# shellcheck source=infra/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

log() { printf '[infra] %s\n' "$*" >&2; }

# Lines of a log shown under a failure: enough for the reason, short enough to read.
: "${EN_LOG_TAIL_LINES:=30}"
# Exit status of a failure already reported by fail_with_log: the scripts up the call
# chain exit with it in silence, so the report stays the last thing on the screen.
EN_REPORTED_FAILURE=97
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit "$EN_REPORTED_FAILURE"; }

# The one way a step fails: a line that names the step, what failed and its log, then the
# last lines of that log, then exit. Every failure of `npm run up` should end here.
fail_with_log() {
  local what=$1 logfile=$2
  printf '[infra] ERROR: %s (log: %s)\n' "$what" "$logfile" >&2
  if [ -s "$logfile" ]; then
    printf '[infra] last %s lines of %s:\n' "$EN_LOG_TAIL_LINES" "$logfile" >&2
    tail -n "$EN_LOG_TAIL_LINES" "$logfile" | sed 's/^/    /' >&2
  else
    printf '[infra] (the log is empty)\n' >&2
  fi
  exit "$EN_REPORTED_FAILURE"
}

# Runs a command with its output appended to a log; on failure, fail_with_log names the
# step. Usage: run_logged "<step>" <logfile> command args...
run_logged() {
  local step=$1 logfile=$2
  shift 2
  mkdir -p "$(dirname "$logfile")"
  printf '==== %s %s\n' "$(date -Is)" "$step" >>"$logfile"
  "$@" >>"$logfile" 2>&1 || fail_with_log "$step failed (exit $?)" "$logfile"
}

# A command that fails outside run_logged (a bug in these scripts, a missing tool) still
# says where instead of leaving `set -e` to exit in silence. -E carries the trap into functions.
trap_unexpected_errors() {
  set -E
  # shellcheck disable=SC2154 # rc is assigned inside the trap
  trap 'rc=$?; [ "$rc" -eq "$EN_REPORTED_FAILURE" ] || printf "[infra] ERROR: %s: \"%s\" failed (exit %s) at line %s\n" \
    "$(basename "${BASH_SOURCE[0]:-$0}")" "$BASH_COMMAND" "$rc" "$LINENO" >&2; exit "$rc"' ERR
}

# Runs a command as root: directly when we are root (CI, this machine), else via sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

# True when something accepts TCP connections on host:port (bash's /dev/tcp, no nc needed).
port_open() {
  local host=$1 port=$2
  timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}

# Pid of whatever listens on the TCP port, empty if unknown (helps error messages).
port_owner() {
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1
}

# True when an HTTP GET answers with a 2xx status.
http_ok() {
  curl -fsS -o /dev/null --max-time 3 "$@" 2>/dev/null
}

# True while the process whose pid a file holds is alive.
pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits until `url` answers 2xx, at most `limit` seconds; if the process of `pidfile` exits first
# or the time runs out, fails naming `what` and its log. For the processes scripts/ start.
await_http_ready() {
  local what=$1 url=$2 pidfile=$3 logfile=$4 limit=$5 waited=0
  until http_ok "$url"; do
    pid_alive "$pidfile" || fail_with_log "$what exited during start" "$logfile"
    [ "$waited" -lt "$limit" ] || fail_with_log "$what did not answer within ${limit}s" "$logfile"
    sleep 1
    waited=$((waited + 1))
  done
}
