#!/usr/bin/env bash
# The restore drill (docs/runbook.md): restores the newest complete backup into a scratch copy of
# the platform on this host (compose project eventonight-drill, deploy/drill/compose.drill.yml),
# lets deploy/restore.sh compare every count with the manifest, compares Keycloak's users with
# production's, and deletes the scratch copy (containers and volumes) again.
#   deploy/restore-drill.sh [folder]     default: the newest complete backup in BACKUP_DIR
#   DRILL_KEEP=1 deploy/restore-drill.sh  leaves the scratch copy running for a look (remove it with
#                                         the command it prints)
set -euo pipefail
start_dir=$PWD
# shellcheck source=deploy/backup-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/backup-lib.sh"

readonly drill_project=eventonight-drill
backup_dir=$(backup_dir_from_env) || { echo "restore drill failed at step \"settings\"" >&2; exit 1; }
if [ $# -ge 1 ]; then
  folder=$(cd "$start_dir" && cd "$1" && pwd -P)
else
  folder=$(complete_backups "$backup_dir" | tail -n 1)
  [ -n "$folder" ] || { echo "restore drill failed at step \"find the newest backup\": no complete backup in $backup_dir" >&2; exit 1; }
fi
log_file=$backup_dir/restore-drill.log
printf '==== restore drill of %s at %s\n' "$folder" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$log_file"

# Production's Keycloak users first, with production's project (the environment is not changed yet).
step "count production's Keycloak users"
users_sql='select count(*) from user_entity'
production_users=$(docker compose exec -T keycloak-db psql -U keycloak -d keycloak -tAc "$users_sql" 2>>"$log_file")

# From here on every compose command addresses the drill project, never production's.
export COMPOSE_PROJECT_NAME=$drill_project
# The deployment's own files (COMPOSE_FILE, if it sets one) plus the drill's changes.
export COMPOSE_FILE=${COMPOSE_FILE:-docker-compose.yml}:deploy/drill/compose.drill.yml
export HTTP_PORT=${DRILL_HTTP_PORT:-18080} KEYCLOAK_CONSOLE_PORT=${DRILL_KEYCLOAK_CONSOLE_PORT:-18081} FILES_HTTP_PORT=${DRILL_FILES_HTTP_PORT:-18088}
remove="COMPOSE_FILE=$COMPOSE_FILE docker compose -p $drill_project down -v"

finish() {
  local status=$? failed_step=$current_step
  if [ "${DRILL_KEEP:-0}" = 1 ]; then
    echo "the scratch copy is still running; remove it with: $remove"
  else
    run docker compose -p "$drill_project" down -v ||
      echo "restore drill: could not remove the scratch copy; run: $remove" >&2
  fi
  [ "$status" -eq 0 ] || echo "restore drill failed at step \"$failed_step\" (exit $status); details in $log_file" >&2
  exit "$status"
}
trap finish EXIT
trap 'exit 143' TERM INT HUP

step "start the scratch platform ($drill_project)"
run docker compose up -d --wait

step "restore $folder into it"
bash "$deploy_root/deploy/restore.sh" "$folder"

step "compare Keycloak's users with production's"
drill_users=$(docker compose exec -T keycloak-db psql -U keycloak -d keycloak -tAc "$users_sql" 2>>"$log_file")
echo "Keycloak users: $drill_users restored, $production_users in production now (production may have more: it went on after the backup)"
[ "$drill_users" -gt 0 ] && [ "$drill_users" -le "$production_users" ]

echo "restore drill passed: $folder restores, every count matches its manifest"
