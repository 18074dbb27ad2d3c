# shellcheck shell=bash
# Helpers shared by setup.sh, ctl.sh, up.sh and down.sh. Sourced, never run.

# shellcheck source=infra/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

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
