#!/usr/bin/env bash
# A consistent backup of the production platform (docker-compose.yml; docs/adr/0017, docs/runbook.md):
#   1. quiesce every service and wait until outboxes and queues are empty (the backup job, profile backup)
#   2. Keycloak's PostgreSQL: pg_dump inside keycloak-db, while the services are quiesced
#   3. every service database and the bucket, plus that dump, into BACKUP_DIR/<UTC date-time>/ with
#      manifest.json (sha256 of every file) — the same tool as scripts/backup.sh, step `backup --quiesced`
#   4. resume every service — always, also after a failure
#   5. keep the newest BACKUP_KEEP (default 14) complete backups, delete older ones
#   6. record the success's time in BACKUP_DIR/metrics/backup.prom, for Prometheus (docs/adr/0037)
# Run from anywhere, as the deploy user (docker group); the systemd timer runs it daily
# (deploy/systemd). Details go to BACKUP_DIR/backup.log; a failure ends with one line naming the
# step and exit status 1.
set -euo pipefail
# shellcheck source=deploy/backup-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/backup-lib.sh"

keep=${BACKUP_KEEP:-14}
[[ $keep =~ ^[1-9][0-9]*$ ]] || { echo "backup failed at step \"settings\": BACKUP_KEEP must be a whole number of backups, at least 1 (got \"$keep\")" >&2; exit 1; }
backup_dir=$(backup_dir_from_env) || { echo "backup failed at step \"settings\"" >&2; exit 1; }
mkdir -p "$backup_dir"
log_file=$backup_dir/backup.log
name=$(date -u +%Y-%m-%dT%H-%M-%SZ)
partial=$backup_dir/$name.partial
staging=$backup_dir/.staging-$name
quiesced=0
printf '==== backup %s\n' "$name" >>"$log_file"

finish() {
  local status=$? failed_step=$current_step
  resume_if_quiesced backup || status=1
  rm -rf "$staging"
  if [ "$status" -ne 0 ]; then
    rm -rf "$partial"
    echo "backup failed at step \"$failed_step\" (exit $status); details in $log_file" >&2
  fi
  exit "$status"
}
trap finish EXIT
# Stopped (systemd's timeout, Ctrl-C): exit through finish, which resumes the services.
trap 'exit 143' TERM INT HUP

step "quiesce every service and wait until outboxes and queues are empty"
quiesced=1   # from here on, resume whatever happens (the tool also resumes when its quiesce fails)
run backup_job -- quiesce

step "Keycloak pg_dump"
mkdir -p "$staging"
docker compose exec -T keycloak-db pg_dump -U keycloak -d keycloak --format=custom >"$staging/keycloak.pgdump" 2>>"$log_file"

step "dump every service database, the bucket and Keycloak's dump, with the manifest"
commit=$(git -C "$deploy_root" rev-parse HEAD 2>/dev/null) || commit=unknown
run backup_job "BACKUP_KEYCLOAK_PG_DUMP=/backups/.staging-$name/keycloak.pgdump" "BACKUP_GIT_COMMIT=$commit" -- backup --quiesced "/backups/$name.partial"

step "resume every service"
run backup_job -- resume
quiesced=0

step "complete the folder"
mv "$partial" "$backup_dir/$name"
record_backup_success "$backup_dir"

step "delete backups beyond the newest $keep"
mapfile -t complete < <(complete_backups "$backup_dir")
for ((i = 0; i < ${#complete[@]} - keep; i++)); do
  rm -rf "${complete[$i]}"
  printf 'deleted %s\n' "${complete[$i]}" >>"$log_file"
done

echo "backup written to $backup_dir/$name (log: $log_file)"
