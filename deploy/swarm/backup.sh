#!/usr/bin/env bash
# A consistent backup of the Swarm stack (docs/scaling.md, "Runbook"), run on member 1's node (a
# manager: BACKUP_DIR, Keycloak's PostgreSQL and the backup job are pinned there):
#
#   deploy/swarm/backup.sh ENV_FILE             # quiesce, dump, resume, as deploy/backup.sh on one host
#   deploy/swarm/backup.sh ENV_FILE restore DIR # the service databases and the bucket back from DIR
#
# Each step runs the stack's one-shot `backup` service once with that step's arguments (the same tool
# as deploy/backup.sh); it reaches every replica of every service through tasks.<service>-ops.
# Keycloak's database is dumped by pg_dump in its container; restoring it is by hand (the runbook).
set -euo pipefail
# shellcheck source=deploy/backup-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../backup-lib.sh"

env_file=${1:?usage: deploy/swarm/backup.sh ENV_FILE [restore DIR]}
export COMPOSE_ENV_FILES=$env_file   # where backup_dir_from_env reads BACKUP_DIR
readonly job=${STACK_NAME:-eventonight}_backup
backup_dir=$(backup_dir_from_env) || { echo "backup failed at step \"settings\"" >&2; exit 1; }
mkdir -p "$backup_dir"
log_file=$backup_dir/backup.log

# swarm_job [NAME=value ...] -- ARGS...: one run of the backup service; fails unless it completes.
swarm_job() {
  local env_args=() state waited=0
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do env_args+=(--env-add "$1"); shift; done
  shift
  # `|| return`: this runs inside `if` too (resume), where set -e does not stop a failed command.
  docker service update --quiet --detach --force --replicas 1 --args "$*" "${env_args[@]}" "$job" >/dev/null 2>>"$log_file" || return 1
  while :; do
    state=$(docker service ps --no-trunc --format '{{.DesiredState}} {{.CurrentState}}' "$job" 2>>"$log_file" | head -n 1)
    case $state in
      *Complete*) break ;;
      *Failed* | *Rejected*) docker service logs --raw "$job" 2>&1 | tail -n 40 >>"$log_file"; docker service scale --detach "$job=0" >/dev/null; return 1 ;;
      '') [ "$waited" -lt 60 ] || return 1 ;;   # no task made at all
    esac
    [ "$waited" -lt 1800 ] || { docker service scale --detach "$job=0" >/dev/null; return 1; }
    sleep 2
    waited=$((waited + 2))
  done
  docker service logs --raw "$job" 2>&1 | tail -n 40 >>"$log_file"
  docker service scale --detach "$job=0" >/dev/null
}

quiesced=0
resume() {
  [ "$quiesced" = 1 ] || return 0
  step "resume every service"
  if swarm_job -- resume; then quiesced=0; return 0; fi
  echo "could not resume every service; run: deploy/swarm/backup.sh $env_file resume-only (details in $log_file)" >&2
  return 1
}

if [ "${2:-}" = resume-only ]; then quiesced=1; resume; exit; fi

if [ "${2:-}" = restore ]; then
  folder=$(cd "${3:?the backup folder}" && pwd -P)
  case $folder in "$backup_dir"/*) ;; *) echo "restore: $folder is not inside BACKUP_DIR ($backup_dir)" >&2; exit 1 ;; esac
  trap 'status=$?; resume || status=1; [ "$status" = 0 ] || echo "restore failed at step \"$current_step\"; details in $log_file" >&2; exit "$status"' EXIT
  step "restore every service database and the bucket from $folder"
  quiesced=1   # the tool quiesces first; resume whatever happens
  swarm_job -- restore "/backups/${folder#"$backup_dir"/}"
  resume
  echo "restored from $folder"
  exit 0
fi

name=$(date -u +%Y-%m-%dT%H-%M-%SZ)
partial=$backup_dir/$name.partial
staging=$backup_dir/.staging-$name
printf '==== swarm backup %s\n' "$name" >>"$log_file"
trap 'status=$?; failed=$current_step; resume || status=1; rm -rf "$staging"; if [ "$status" != 0 ]; then rm -rf "$partial"; echo "backup failed at step \"$failed\"; details in $log_file" >&2; fi; exit "$status"' EXIT

step "quiesce every replica of every service and wait until outboxes and queues are empty"
quiesced=1
swarm_job -- quiesce

step "Keycloak pg_dump"
mkdir -p "$staging"
keycloak_db=$(docker ps -q --filter "label=com.docker.swarm.service.name=${STACK_NAME:-eventonight}_keycloak-db" | head -n 1)
[ -n "$keycloak_db" ] || { echo "no keycloak-db container on this node (run this on member 1's node)" >>"$log_file"; exit 1; }
docker exec "$keycloak_db" pg_dump -U keycloak -d keycloak --format=custom >"$staging/keycloak.pgdump" 2>>"$log_file"

step "dump every service database, the bucket and Keycloak's dump, with the manifest"
commit=$(git -C "$deploy_root" rev-parse HEAD 2>/dev/null) || commit=unknown
swarm_job "BACKUP_KEYCLOAK_PG_DUMP=/backups/.staging-$name/keycloak.pgdump" "BACKUP_GIT_COMMIT=$commit" -- backup --quiesced "/backups/$name.partial"

resume
step "complete the folder"
mv "$partial" "$backup_dir/$name"
record_backup_success "$backup_dir"
echo "backup written to $backup_dir/$name (log: $log_file)"
