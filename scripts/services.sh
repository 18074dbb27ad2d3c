#!/usr/bin/env bash
# Starts or stops the services as plain node processes against the servers from infra/.
# Logs and pid files go to .infra/services/. No service exists yet in this commit;
# each one adds itself to SERVICES below when it lands.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SERVICES=()

action=${1:-start}
state=.infra/services
mkdir -p "$state"
case "$action" in
  start)
    for name in "${SERVICES[@]}"; do bash "services/$name/run.sh" "$state"; done
    echo "services running: ${SERVICES[*]:-(none yet)}"
    ;;
  stop)
    for pidfile in "$state"/*.pid; do
      [ -e "$pidfile" ] || continue
      kill "$(cat "$pidfile")" 2>/dev/null || true
      rm -f "$pidfile"
    done
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
