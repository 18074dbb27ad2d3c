#!/usr/bin/env bash
# Brings the production platform back to a backup made by deploy/backup.sh (docs/runbook.md):
#   1. verify every file of the folder against its manifest (nothing is touched before this passes)
#   2. quiesce every service and wait until outboxes and queues are empty
#   3. replace every service database and the bucket's objects; every count is compared with the
#      manifest (a difference fails the restore)
#   4. Keycloak: stopped, its database replaced from the pg_dump (pg_restore --clean), started again
#   5. resume every service — always, also after a failure
#   deploy/restore.sh <folder>     a folder inside BACKUP_DIR (the backup job sees only that one)
# The compose project is the usual one, or the one COMPOSE_PROJECT_NAME/COMPOSE_FILE select (the
# restore drill, deploy/restore-drill.sh). Details go to BACKUP_DIR/restore.log; a failure ends with
# one line naming the step and exit status 1.
set -euo pipefail
start_dir=$PWD   # a relative <folder> is relative to where the operator is, not to the deployment
# shellcheck source=deploy/backup-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/backup-lib.sh"

[ $# -eq 1 ] || { echo "usage: deploy/restore.sh <backup folder inside BACKUP_DIR>" >&2; exit 2; }
backup_dir=$(backup_dir_from_env) || { echo "restore failed at step \"settings\"" >&2; exit 1; }
[ -d "$backup_dir" ] || { echo "restore failed at step \"settings\": BACKUP_DIR $backup_dir does not exist" >&2; exit 1; }
backup_dir=$(cd "$backup_dir" && pwd -P)
folder=$(cd "$start_dir" && cd "$1" 2>/dev/null && pwd -P) || { echo "restore failed at step \"settings\": $1 is not a folder" >&2; exit 1; }
case $folder in
  "$backup_dir"/*) ;;
  *) echo "restore failed at step \"settings\": $folder is not inside BACKUP_DIR ($backup_dir), the only folder the backup job sees; copy it there" >&2; exit 1 ;;
esac
inside=/backups/${folder#"$backup_dir"/}
log_file=$backup_dir/restore.log
quiesced=0
keycloak_stopped=0
printf '==== restore %s at %s\n' "$folder" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$log_file"

finish() {
  local status=$? failed_step=$current_step
  if [ "$keycloak_stopped" = 1 ]; then
    step "start Keycloak again"
    run docker compose start keycloak || { echo "restore: Keycloak could not be started again: docker compose start keycloak" >&2; status=1; }
  fi
  resume_if_quiesced restore || status=1
  if [ "$status" -ne 0 ]; then
    echo "restore failed at step \"$failed_step\" (exit $status); details in $log_file" >&2
  fi
  exit "$status"
}
trap finish EXIT
# Stopped (systemd's timeout, Ctrl-C): exit through finish, which resumes the services.
trap 'exit 143' TERM INT HUP

step "verify every checksum against the manifest"
run backup_job -- verify "$inside"

step "quiesce every service and wait until outboxes and queues are empty"
quiesced=1
run backup_job -- quiesce

step "replace every service database and the bucket, and compare the counts"
run backup_job -- restore --quiesced "$inside"

if [ -f "$folder/keycloak/keycloak.pgdump" ]; then
  step "stop Keycloak"
  keycloak_stopped=1
  run docker compose stop keycloak
  step "Keycloak pg_restore"
  docker compose exec -T keycloak-db pg_restore -U keycloak -d keycloak --clean --if-exists --no-owner <"$folder/keycloak/keycloak.pgdump" >>"$log_file" 2>&1
  step "start Keycloak again"
  run docker compose start keycloak
  keycloak_stopped=0
else
  step "Keycloak: no pg_dump in this backup, left as it is"
fi

step "resume every service"
run backup_job -- resume
quiesced=0

# What the tool printed for this run: each collection's count next to the manifest's.
counts=$(sed -n '/^==== restore /h; /^==== restore /!H; ${x;p}' "$log_file")
printf '%s\n' "$counts" | sed -n 's/^\[[^]]*\] \(.*: [0-9]* \/ [0-9]*.*\)$/  \1/p'
echo "restore of $folder complete (log: $log_file)"
