# shellcheck shell=bash
# Sourced by deploy/backup.sh, deploy/restore.sh and deploy/restore-drill.sh (docs/runbook.md,
# "Backup and restore"): the deployment's folders, the backup job (compose profile `backup`), and
# the step bookkeeping that turns any failure into one line naming the step.

# The deployment's folder: the one holding docker-compose.yml and .env (this file's parent).
deploy_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$deploy_root"

# BACKUP_DIR from .env, as compose reads it (a relative path is relative to this folder).
backup_dir_from_env() {
  local env_file=$deploy_root/.env value
  [ -f "$env_file" ] || { echo "no $env_file: copy .env.example and fill it in (docs/deployment.md)" >&2; return 1; }
  value=$(sed -n 's/^BACKUP_DIR=//p' "$env_file")
  value=${value##*$'\n'}
  [ -n "$value" ] || { echo "BACKUP_DIR is not set in $env_file (where backups go, docs/deployment.md)" >&2; return 1; }
  case $value in
    /*) printf '%s\n' "$value" ;;
    *) printf '%s\n' "$deploy_root/${value#./}" ;;
  esac
}

# A complete backup's folder name: the UTC date-time deploy/backup.sh gives it.
readonly BACKUP_NAME_PATTERN='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}Z$'

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
