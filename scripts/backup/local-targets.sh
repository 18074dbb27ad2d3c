# shellcheck shell=bash
# Sourced by scripts/backup.sh and scripts/restore.sh after infra/env.sh: points the backup
# tool (scripts/backup/cli.ts, ADR 0017) at the local platform of `npm run up` — the services
# of scripts/services.sh (ops listener on their port + 1000), their databases <EN_DATABASE_PREFIX>_<name>,
# RabbitMQ's default virtual host, the media bucket, and Keycloak's H2 database under EN_STATE.
services=()
for entry in $EN_SERVICES; do
  name=${entry%%:*}
  port=${entry##*:}
  services+=("$name=http://127.0.0.1:$((port + 1000))=${EN_DATABASE_PREFIX}_$name")
done
export BACKUP_SERVICES="${services[*]}"
export MONGODB_URL RABBITMQ_MANAGEMENT_URL S3_ENDPOINT S3_REGION S3_ACCESS_KEY S3_SECRET_KEY S3_BUCKET
# The services' virtual host is RABBITMQ_URL's path ("/" when it has none).
vhost_path=${RABBITMQ_URL#*://*/}
[ "$vhost_path" != "$RABBITMQ_URL" ] && [ -n "$vhost_path" ] || vhost_path=/
export BACKUP_RABBITMQ_VHOST="$vhost_path"
export BACKUP_KEYCLOAK_H2_DIR="$EN_STATE/keycloak/h2" BACKUP_KEYCLOAK_CTL="$EN_ROOT/infra/ctl.sh"
