#!/usr/bin/env bash
# Installs what is missing (setup.sh), then starts every local server that is
# not already running and waits until all are healthy. Safe to run repeatedly:
# a second run only checks health and prints where everything is.
set -euo pipefail

here=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=infra/lib.sh
. "$here/lib.sh"
trap_unexpected_errors

started=$SECONDS
bash "$here/setup.sh"
bash "$here/ctl.sh" start all

cat >&2 <<EOF_SUMMARY
[infra] all servers healthy in $((SECONDS - started))s (state and logs: $EN_STATE)
  RABBITMQ_URL     $RABBITMQ_URL   (management $RABBITMQ_MANAGEMENT_URL, guest/guest)
  REDIS_URL        $REDIS_URL
  MONGODB_URL      $MONGODB_URL   (FerretDB $EN_FERRETDB_VERSION on PostgreSQL)
  STRIPE_API_URL   $STRIPE_API_URL   (HTTPS :$EN_STRIPE_MOCK_HTTPS_PORT, key $STRIPE_SECRET_KEY)
  SMTP_URL         $SMTP_URL   (Mailpit $EN_MAILPIT_VERSION keeps every mail: $MAILPIT_URL/api/v1/messages, each at $MAILPIT_URL/view/<ID>.html)
  S3_ENDPOINT      $S3_ENDPOINT   (SeaweedFS $EN_SEAWEEDFS_VERSION; $S3_ACCESS_KEY / $S3_SECRET_KEY, bucket $S3_BUCKET)
  KEYCLOAK_URL     $KEYCLOAK_URL   (realm $KEYCLOAK_REALM, admin $EN_KEYCLOAK_ADMIN_USER/$EN_KEYCLOAK_ADMIN_PASSWORD)
  GATEWAY          http://<name>.localhost:$EN_GATEWAY_PORT   (Traefik $EN_TRAEFIK_VERSION; scripts/urls.sh lists the names)
  PROMETHEUS_URL   $PROMETHEUS_URL   (Prometheus $EN_PROMETHEUS_VERSION: the services' ops listeners and RabbitMQ every $EN_PROMETHEUS_SCRAPE_INTERVAL, alerts at /alerts)
  ALERTMANAGER_URL $ALERTMANAGER_URL   (Alertmanager $EN_ALERTMANAGER_VERSION: notifies $EN_ALERT_WEBHOOK_URL; API /api/v2/alerts)
  JAEGER_QUERY_URL $JAEGER_QUERY_URL   (Jaeger $EN_JAEGER_VERSION: OTLP in at $OTEL_EXPORTER_OTLP_ENDPOINT; API /api/traces?service=<name>)
EOF_SUMMARY
