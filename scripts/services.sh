#!/usr/bin/env bash
# Starts or stops the services as plain node processes against the servers from infra/
# (the no-Docker twin of docker-compose.yml). Logs and pid files go to .infra/services/.
#   scripts/services.sh start|stop|status
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=infra/lib.sh
. infra/lib.sh
trap_unexpected_errors

# name:port (EN_SERVICES in infra/env.sh) — each service's own database is <EN_DATABASE_PREFIX>_<name>.
read -ra SERVICES <<<"$EN_SERVICES"

state=$EN_STATE/services
mkdir -p "$state"

common_env() {
  local name=$1 port=$2
  # OPS_PORT: the quiesce/resume listener on loopback for scripts/backup.sh (ADR 0017).
  echo "PORT=$port" "OPS_PORT=$((port + 1000))" "MONGO_URL=$MONGODB_URL" "MONGO_DB=${EN_DATABASE_PREFIX}_$name" "AMQP_URL=$RABBITMQ_URL" \
    "JWKS_URL=$KEYCLOAK_JWKS_URL" "JWT_ISSUER=$KEYCLOAK_ISSUER" "JWT_AUDIENCE=$KEYCLOAK_AUDIENCE"
}

# Variables only one service reads.
service_env() {
  case "$1" in
    user) echo "KEYCLOAK_URL=$KEYCLOAK_URL" "KEYCLOAK_REALM=$KEYCLOAK_REALM" \
      "KEYCLOAK_CLIENT_ID=$KEYCLOAK_USER_SERVICE_CLIENT_ID" "KEYCLOAK_CLIENT_SECRET=$KEYCLOAK_USER_SERVICE_CLIENT_SECRET" ;;
    event) echo "EVENT_COMPLETION_INTERVAL_MS=60000" "TICKETING_INTERNAL_URL=http://127.0.0.1:$(port_of ticketing)" \
      "KEYCLOAK_TOKEN_URL=$KEYCLOAK_ISSUER/protocol/openid-connect/token" \
      "EVENT_SERVICE_CLIENT_ID=$KEYCLOAK_EVENT_SERVICE_CLIENT_ID" "EVENT_SERVICE_CLIENT_SECRET=$KEYCLOAK_EVENT_SERVICE_CLIENT_SECRET" \
      "REDIS_URL=$REDIS_URL" "APP_URL=${WEB_APP_URL:-http://localhost:${EN_WEB_PORT:-5173}}" ;;
    ticketing) echo "STRIPE_SECRET_KEY=$STRIPE_SECRET_KEY" "STRIPE_API_URL=$STRIPE_API_URL" \
      "STRIPE_WEBHOOK_SECRET=$STRIPE_WEBHOOK_SECRET" \
      "CHECKOUT_SUCCESS_URL=${WEB_APP_URL:-http://localhost:${EN_WEB_PORT:-5173}}/orders/{ORDER_ID}" "CHECKOUT_CANCEL_URL=${WEB_APP_URL:-http://localhost:${EN_WEB_PORT:-5173}}/orders/{ORDER_ID}" \
      "APP_URL=${WEB_APP_URL:-http://localhost:${EN_WEB_PORT:-5173}}" ;;
    notification) echo "REDIS_URL=$REDIS_URL" "SMTP_URL=$SMTP_URL" "APP_URL=${WEB_APP_URL:-http://localhost:${EN_WEB_PORT:-5173}}" ;;
    media) echo "S3_ENDPOINT=$S3_ENDPOINT" "S3_REGION=$S3_REGION" "S3_BUCKET=$S3_BUCKET" \
      "S3_ACCESS_KEY=$S3_ACCESS_KEY" "S3_SECRET_KEY=$S3_SECRET_KEY" ;;
  esac
}

# The port EN_SERVICES gives to service $1.
port_of() {
  local entry
  for entry in "${SERVICES[@]}"; do
    if [ "${entry%%:*}" = "$1" ]; then echo "${entry##*:}"; fi
  done
}

running() { pid_alive "$state/$1.pid"; }

start_one() {
  local name=$1 port=$2
  if running "$name"; then echo "$name: already running (pid $(cat "$state/$name.pid"))"; return; fi
  # shellcheck disable=SC2046 # word splitting of NAME=value pairs is wanted
  env $(common_env "$name" "$port") $(service_env "$name") \
    setsid node "services/$name/dist/main.js" </dev/null >>"$state/$name.log" 2>&1 &
  echo $! >"$state/$name.pid"
  await_http_ready "$name service" "http://127.0.0.1:$port/ready" "$state/$name.pid" "$state/$name.log" 60
  echo "$name: ready on http://127.0.0.1:$port (log $state/$name.log)"
}

stop_one() {
  local name=$1
  if running "$name"; then kill -TERM "$(cat "$state/$name.pid")"; echo "$name: stopped"; fi
  rm -f "$state/$name.pid"
}

case "${1:-start}" in
  start) for entry in "${SERVICES[@]}"; do start_one "${entry%%:*}" "${entry##*:}"; done ;;
  stop) for entry in "${SERVICES[@]}"; do stop_one "${entry%%:*}"; done ;;
  status) for entry in "${SERVICES[@]}"; do
      name=${entry%%:*}; if running "$name"; then echo "$name: running"; else echo "$name: stopped"; fi
    done ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
