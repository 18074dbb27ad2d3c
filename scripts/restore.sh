#!/usr/bin/env bash
# Brings the local platform back from a folder written by scripts/backup.sh (ADR 0017): checks
# the manifest's checksums, quiesces every service, replaces every service database, the media
# bucket and Keycloak's database (Keycloak stopped meanwhile), resumes, and prints each count
# against the manifest. The services must be running (`npm run up`), empty or not.
#   scripts/restore.sh <folder>
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=infra/lib.sh
. infra/lib.sh
trap_unexpected_errors
# shellcheck source=infra/env.sh
. infra/env.sh
# shellcheck source=scripts/backup/local-targets.sh
. scripts/backup/local-targets.sh

[ $# -eq 1 ] && [ -d "$1" ] || die "usage: scripts/restore.sh <backup folder> (a folder written by scripts/backup.sh)"
logfile=$EN_STATE/backup/restore.log
echo "restoring the local platform from $1 (log: $logfile)"
run_logged "restore from $1" "$logfile" node --import tsx scripts/backup/cli.ts restore "$1"
# What this run logged (the log keeps earlier runs above its "====" line).
awk '/^==== /{run=""} {run=run $0 "\n"} END{printf "%s", run}' "$logfile"
