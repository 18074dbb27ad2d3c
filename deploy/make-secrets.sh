#!/usr/bin/env bash
# Creates every secret file docker-compose.yml mounts (Docker secrets), in a folder only its owner
# can enter (default ./secrets, git-ignored):
#
#   deploy/make-secrets.sh [dir]            # docker-compose.yml (one host)
#   deploy/make-secrets.sh --swarm [dir]    # deploy/swarm/stack.yml: replica-set and cluster URLs,
#                                           # the members' keys (mongo_keyfile, rabbitmq_erlang_cookie)
#
# Generated: random passwords (openssl rand -hex 32), the connection URLs built from them, the
# RabbitMQ definitions (one user per service, salted SHA-256 hashes) and Redis's config file.
# Given by the operator: the Stripe keys, the mail account and Alertmanager's webhook URL (left empty
# here: the stack refuses to start until they are filled in) and, for the tunnel profile, secrets/cloudflare_tunnel_token (not created here). An existing file is never overwritten, so re-running only adds what is missing; to
# rotate one secret see docs/runbook.md (databases keep the password they were initialised with).
# Needs bash, openssl and coreutils.
set -euo pipefail

readonly SERVICES=(user event interaction chat ticketing notification media)

swarm=0
if [ "${1:-}" = --swarm ]; then swarm=1; shift; fi
dir=${1:-./secrets}
mkdir -p "$dir"
chmod 700 "$dir"   # the folder keeps other host users out; the files stay readable for the containers' users

random() { openssl rand -hex 32; }

# write NAME VALUE: creates $dir/NAME with VALUE unless it exists (0644: mounted read-only into
# containers whose processes run as non-root users; the 0700 folder is the access control).
write() {
  local path=$dir/$1
  if [ -e "$path" ]; then return 0; fi
  printf '%s\n' "$2" >"$path"
  chmod 644 "$path"
  echo "created $path"
}

value() { sed -n '1p' "$dir/$1"; }

# RabbitMQ's password_hash: base64(salt ‖ sha256(salt ‖ password)), salt = 4 random bytes.
# Only openssl and coreutils: binary bytes go through a private temporary folder.
rabbitmq_hash() {
  local tmp
  tmp=$(mktemp -d)
  openssl rand 4 >"$tmp/salt"
  { cat "$tmp/salt"; printf '%s' "$1"; } | openssl dgst -sha256 -binary >"$tmp/digest"
  cat "$tmp/salt" "$tmp/digest" | base64 -w0
  rm -rf "$tmp"
}

for svc in "${SERVICES[@]}"; do
  write "${svc}_mongo_root_password" "$(random)"
  write "${svc}_mongo_password" "$(random)"
  if [ "$swarm" = 1 ]; then
    # The replica set rs-<svc> of <svc>-mongo-1..3 (the driver finds the primary; docs/scaling.md).
    write "${svc}_mongo_url" "mongodb://${svc}:$(value "${svc}_mongo_password")@${svc}-mongo-1:27017,${svc}-mongo-2:27017,${svc}-mongo-3:27017/${svc}?authSource=${svc}&replicaSet=rs-${svc}"
  else
    write "${svc}_mongo_url" "mongodb://${svc}:$(value "${svc}_mongo_password")@${svc}-mongo:27017/${svc}?authSource=${svc}"
  fi
  write "${svc}_rabbitmq_password" "$(random)"
  if [ "$swarm" = 1 ]; then
    # Every cluster member: the service connects to the first that answers and fails over to the next.
    password=$(value "${svc}_rabbitmq_password")
    write "${svc}_amqp_url" "amqp://${svc}:${password}@rabbitmq-1:5672,amqp://${svc}:${password}@rabbitmq-2:5672,amqp://${svc}:${password}@rabbitmq-3:5672"
  else
    write "${svc}_amqp_url" "amqp://${svc}:$(value "${svc}_rabbitmq_password")@rabbitmq:5672"
  fi
done
write rabbitmq_admin_password "$(random)"
if [ "$swarm" = 1 ]; then
  # The replica-set members' shared key (mongod --keyFile: base64, 6 to 1024 characters) and the
  # RabbitMQ members' Erlang cookie.
  write mongo_keyfile "$(openssl rand -base64 756 | tr -d '\n')"
  write rabbitmq_erlang_cookie "$(openssl rand -hex 32)"
fi
# The backup job (profile backup): RabbitMQ's management API as a monitoring user, and the bearer
# token of every service's ops listener (quiesce/resume, docs/adr/0017).
write rabbitmq_backup_password "$(random)"
write ops_token "$(random)"
write redis_password "$(random)"
write notification_redis_url "redis://:$(value redis_password)@redis:6379"
write event_redis_url "redis://:$(value redis_password)@redis:6379"
write chat_redis_url "redis://:$(value redis_password)@redis:6379"
write interaction_redis_url "redis://:$(value redis_password)@redis:6379"
# Signs the one-click unsubscribe links in mails (ADR 0032); a new value retires every link sent.
write notification_unsubscribe_secret "$(random)"
write keycloak_admin_password "$(random)"
write keycloak_db_password "$(random)"
write user_service_client_secret "$(random)"
write event_service_client_secret "$(random)"
write s3_admin_secret_key "$(random)"
write media_s3_secret_key "$(random)"
write seed_password "$(random)"
write stripe_secret_key ""
write stripe_webhook_secret ""
# The mail account's URL comes from the mail provider, like Stripe's keys: the operator writes it.
write smtp_url ""
# Monitoring (docs/adr/0037): Grafana's admin password, and the URL Alertmanager posts alerts to
# (a chat integration's incoming webhook, a paging service), which the operator writes.
write grafana_admin_password "$(random)"
write alertmanager_webhook ""

# Redis reads its password from this file instead of its command line.
if [ ! -e "$dir/redis.conf" ]; then
  {
    echo "# Generated by deploy/make-secrets.sh from redis_password."
    echo "appendonly yes"
    echo "maxmemory 256mb"
    # Full: evict the least recently used keys that have a TTL (the catalogue cache's answers),
    # never the catalogue's generation counter or the Socket.IO adapter's state (no TTL).
    echo "maxmemory-policy volatile-lru"
    echo "requirepass $(value redis_password)"
  } >"$dir/redis.conf"
  chmod 644 "$dir/redis.conf"
  echo "created $dir/redis.conf"
fi

# RabbitMQ: one user per service, allowed only on the shared exchange (publishing its own event
# types, topic permissions) and on its own queues; plus an administrator for the operator.
# Every service consumes since issue 25 (user, event and media only published before): definitions
# from before then lack their queue permissions and are renewed from the same passwords.
if [ -e "$dir/rabbitmq_definitions.json" ]; then
  for svc in "${SERVICES[@]}"; do
    if [[ $(cat "$dir/rabbitmq_definitions.json") != *"\"user\":\"${svc}\",\"vhost\":\"/\",\"configure\":\"^(eventonight|${svc}|"* ]]; then
      mv "$dir/rabbitmq_definitions.json" "$dir/rabbitmq_definitions.json.before-$(date +%Y%m%d%H%M%S)"
      echo "renewing $dir/rabbitmq_definitions.json: $svc may not consume its queue; recreate rabbitmq afterwards (docker compose up -d --force-recreate rabbitmq)"
      break
    fi
  done
fi
if [ ! -e "$dir/rabbitmq_definitions.json" ]; then
  users=() permissions=() topics=()
  users+=("{\"name\":\"admin\",\"password_hash\":\"$(rabbitmq_hash "$(value rabbitmq_admin_password)")\",\"hashing_algorithm\":\"rabbit_password_hashing_sha256\",\"tags\":[\"administrator\"]}")
  permissions+=('{"user":"admin","vhost":"/","configure":".*","write":".*","read":".*"}')
  # backup: reads queue depths through the management API (tag monitoring); may enter the virtual
  # host but configure, write and read nothing in it.
  users+=("{\"name\":\"backup\",\"password_hash\":\"$(rabbitmq_hash "$(value rabbitmq_backup_password)")\",\"hashing_algorithm\":\"rabbit_password_hashing_sha256\",\"tags\":[\"monitoring\"]}")
  permissions+=('{"user":"backup","vhost":"/","configure":"^$","write":"^$","read":"^$"}')
  for svc in "${SERVICES[@]}"; do
    users+=("{\"name\":\"${svc}\",\"password_hash\":\"$(rabbitmq_hash "$(value "${svc}_rabbitmq_password")")\",\"hashing_algorithm\":\"rabbit_password_hashing_sha256\",\"tags\":[]}")
    own="${svc}|${svc}\\\\.(dlq|delay\\\\.[0-9]+)"
    # amq.default: the consumer moves a failed message to its delay/dead-letter queue by name.
    permissions+=("{\"user\":\"${svc}\",\"vhost\":\"/\",\"configure\":\"^(eventonight|${own})\$\",\"write\":\"^(eventonight|amq\\\\.default|${own})\$\",\"read\":\"^(eventonight|${own})\$\"}")
    topics+=("{\"user\":\"${svc}\",\"vhost\":\"/\",\"exchange\":\"eventonight\",\"write\":\"^${svc}\\\\.\",\"read\":\".*\"}")
  done
  join() { local IFS=,; echo "$*"; }
  # RabbitMQ 4 drops a message returned to a quorum queue more than 20 times when the queue has no
  # dead-letter target, as the services' main queues (a name without a dot) do; as good as no
  # limit, like the 3.10 tests run on (ADR 0019). 3.10 refuses -1, so a large number.
  policies='{"vhost":"/","name":"main-queues-delivery-limit","pattern":"^[a-z]+$","apply-to":"queues","definition":{"delivery-limit":1000000},"priority":0}'
  printf '{"users":[%s],"vhosts":[{"name":"/"}],"permissions":[%s],"topic_permissions":[%s],"policies":[%s]}\n' \
    "$(join "${users[@]}")" "$(join "${permissions[@]}")" "$(join "${topics[@]}")" "$policies" >"$dir/rabbitmq_definitions.json"
  chmod 644 "$dir/rabbitmq_definitions.json"
  echo "created $dir/rabbitmq_definitions.json"
fi

# Definitions made before the backup user existed: they are never overwritten, so say how to renew them.
definitions=$(cat "$dir/rabbitmq_definitions.json")
if [[ $definitions != *'"name":"backup"'* ]]; then
  echo "$dir/rabbitmq_definitions.json has no backup user: move it away, run this script again and recreate rabbitmq (docs/runbook.md, Backup and restore)"
fi

if [ ! -s "$dir/stripe_secret_key" ] || [ ! -s "$dir/stripe_webhook_secret" ] || [ "$(value stripe_secret_key)" = "" ]; then
  echo "now write the Stripe keys into $dir/stripe_secret_key and $dir/stripe_webhook_secret (docs/deployment.md)"
fi
if [ "$(value smtp_url)" = "" ]; then
  echo "now write the mail server's smtp[s]://user:password@host:port into $dir/smtp_url (docs/deployment.md)"
fi
