#!/usr/bin/env bash
# Serves the built web app (web/dist) locally: node web/server/main.ts on 127.0.0.1:$EN_WEB_PORT
# (5173), which also answers /config.json, proxies /api/<service>/… to the services (for the
# direct origin; through the gateway, app.localhost routes here and /api/… to the services) and
# serves the LOCAL-ONLY stand-in for Stripe Checkout. Build first (`npx turbo run build`).
#   scripts/web.sh start|stop|status
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=infra/lib.sh
. infra/lib.sh
trap_unexpected_errors

port="${EN_WEB_PORT:-5173}"
state=$EN_STATE/services
pidfile="$state/web.pid"
mkdir -p "$state"

running() { pid_alive "$pidfile"; }

# "Pay" on the stand-in posts the signed webhook the way Stripe would: through the gateway when
# one answers (it refuses /health from outside, so ask for the public /openapi.json), else
# straight to ticketing.
webhook_url() {
  local gateway="${GATEWAY_URL:-http://127.0.0.1:${EN_GATEWAY_PORT:-8000}}"
  if curl -fsS -o /dev/null --max-time 2 "$gateway/api/ticketing/openapi.json" 2>/dev/null; then
    echo "$gateway/api/ticketing/webhooks/stripe"
  else
    echo "http://127.0.0.1:3005/webhooks/stripe"
  fi
}

start() {
  if running; then echo "web: already running (pid $(cat "$pidfile"))"; return; fi
  [ -f web/dist/index.html ] || die "web: web/dist is missing; run npx turbo run build first"
  EN_WEB_PORT="$port" KEYCLOAK_URL="$KEYCLOAK_URL" KEYCLOAK_REALM="$KEYCLOAK_REALM" \
    STRIPE_WEBHOOK_SECRET="$STRIPE_WEBHOOK_SECRET" EN_WEB_WEBHOOK_URL="$(webhook_url)" \
    setsid node --import tsx web/server/main.ts </dev/null >>"$state/web.log" 2>&1 &
  echo $! >"$pidfile"
  await_http_ready "web: the static server" "http://127.0.0.1:$port/config.json" "$pidfile" "$state/web.log" 30
  echo "web: ready on http://127.0.0.1:$port (log $state/web.log)"
}

stop() {
  if running; then kill -TERM "$(cat "$pidfile")"; echo "web: stopped"; fi
  rm -f "$pidfile"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "web: running"; else echo "web: stopped"; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
