#!/usr/bin/env bash
# A consistent backup of the local platform started by `npm run up` (ADR 0017): every service
# quiesced (writes 503, outboxes and queues drained), every service database, the media bucket
# and Keycloak's database (Keycloak is stopped for the copy and started again) written to one
# dated folder with a manifest, then every service resumed — also when the backup fails.
#   scripts/backup.sh [folder]     default: backups/<UTC date-time>/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=infra/lib.sh
. infra/lib.sh
trap_unexpected_errors
# shellcheck source=infra/env.sh
. infra/env.sh
# shellcheck source=scripts/backup/local-targets.sh
. scripts/backup/local-targets.sh

folder=${1:-backups/$(date -u +%Y-%m-%dT%H-%M-%SZ)}
logfile=$EN_STATE/backup/backup.log
echo "backup of the local platform into $folder (log: $logfile)"
run_logged "backup into $folder" "$logfile" node --import tsx scripts/backup/cli.ts backup "$folder"
# What this run logged (the log keeps earlier runs above its "====" line).
awk '/^==== /{run=""} {run=run $0 "\n"} END{printf "%s", run}' "$logfile"
