# shellcheck shell=bash
# Sourced by deploy/backup.sh, deploy/restore.sh and deploy/restore-drill.sh (docs/runbook.md,
# "Backup and restore"): the deployment's folders, the backup job (compose profile `backup`), and
# the step bookkeeping that turns any failure into one line naming the step.

# The deployment's folder: the one holding docker-compose.yml and .env (this file's parent).
deploy_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$deploy_root"

# BACKUP_DIR from the settings compose reads: .env, or the files of compose's own COMPOSE_ENV_FILES
# (comma-separated; the last one that sets it wins), a relative path being relative to this folder.
backup_dir_from_env() {
  local env_files=() env_file value='' found
  IFS=, read -r -a env_files <<<"${COMPOSE_ENV_FILES:-$deploy_root/.env}"
  for env_file in "${env_files[@]}"; do
    [ -f "$env_file" ] || { echo "no $env_file: copy .env.example and fill it in (docs/deployment.md)" >&2; return 1; }
    found=$(sed -n 's/^BACKUP_DIR=//p' "$env_file" | tail -n 1)
    [ -z "$found" ] || value=$found
  done
  [ -n "$value" ] || { echo "BACKUP_DIR is not set in $env_file (where backups go, docs/deployment.md)" >&2; return 1; }
  case $value in
    /*) printf '%s\n' "$value" ;;
    *) printf '%s\n' "$deploy_root/${value#./}" ;;
  esac
}

# A complete backup's folder name: the UTC date-time deploy/backup.sh gives it.
readonly BACKUP_NAME_PATTERN='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}Z$'

# complete_backups DIR: the complete backups in DIR, one path a line, oldest first (the names are
# UTC date-times of one width, so the glob's order is their age).
complete_backups() {
  local entry
  for entry in "$1"/*/; do
    entry=${entry%/}
    if [[ ${entry##*/} =~ $BACKUP_NAME_PATTERN ]]; then printf '%s\n' "$entry"; fi
  done
}

# The backup tool (scripts/backup/cli.ts) in the one-shot container, as the deploy user so that the
# files it writes are the operator's; BACKUP_DIR is its /backups. Extra `-e NAME=value` go before "--".
backup_job() {
  local env_args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do env_args+=(-e "$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  docker compose --profile backup run --rm -T --no-deps --user "$(id -u):$(id -g)" "${env_args[@]}" backup "$@"
}

# Step bookkeeping: `step "name"` before each step; the EXIT trap reports the failed one.
current_step="start"
step() {
  current_step=$1
  printf '[%s] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" >>"$log_file"
}

# run CMD...: the command's output goes to the log, not the terminal (a timer's journal stays short).
run() { "$@" >>"$log_file" 2>&1; }

# resume_if_quiesced WHO: in an EXIT trap, resumes the services when this script quiesced them
# ($quiesced is 1); fails, saying how to resume by hand, when that does not work.
resume_if_quiesced() {
  [ "$quiesced" = 1 ] || return 0
  step "resume every service"
  if run backup_job -- resume; then
    quiesced=0
    return 0
  fi
  echo "$1: could not resume every service, writes are still paused; run: docker compose --profile backup run --rm -T --no-deps backup resume (details in $log_file)" >&2
  return 1
}

# record_backup_success DIR: the time of the backup that just completed, for Prometheus, as the
# one-line metrics file that the backup-metrics container serves (DIR/metrics/backup.prom;
# docs/adr/0037). Written whole (a temporary file renamed). A failure to write it is logged and
# never fails the backup: the BackupTooOld alert then says so within 26 hours.
record_backup_success() {
  local dir=$1/metrics
  if ! {
    mkdir -p "$dir" &&
      printf '# HELP eventonight_backup_last_success_timestamp_seconds When the last backup completed (Unix time).\n# TYPE eventonight_backup_last_success_timestamp_seconds gauge\neventonight_backup_last_success_timestamp_seconds %s\n' \
        "$(date +%s)" >"$dir/.backup.prom.part" &&
      chmod 644 "$dir/.backup.prom.part" &&
      mv "$dir/.backup.prom.part" "$dir/backup.prom"
  } 2>>"$log_file"; then
    printf 'could not record this backup for monitoring in %s/backup.prom\n' "$dir" >>"$log_file"
  fi
}
