#!/usr/bin/env bash
# Sets up and starts the platform on this machine: dependencies, build, the real servers
# from infra/, then every service as a background process. Idempotent; rerun at will.
# Each step logs to .infra/setup/<step>.log; a failing step names itself, its log and the
# log's last lines.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=infra/lib.sh
. infra/lib.sh
trap_unexpected_errors
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1

started=$SECONDS
logs=$EN_STATE/setup

bash infra/up.sh
# setup.sh installed the pinned Node.js: from here on it is first on the PATH.
# shellcheck source=infra/env.sh
. infra/env.sh
log "npm: installing the dependencies with Node.js $(node --version) (log: $logs/npm-ci.log)"
# --ignore-scripts: no dependency needs an install script (esbuild ships its binary in a
# platform package), and esbuild's optional check raced npm's own extraction (ETXTBSY) here.
run_logged "npm ci" "$logs/npm-ci.log" npm ci --no-audit --no-fund --ignore-scripts
log "building the services (log: $logs/build.log)"
run_logged "build (turbo run build)" "$logs/build.log" npx turbo run build --output-logs=errors-only
bash scripts/services.sh start
bash scripts/web.sh start

cat >&2 <<EOF_READY

EventoNight is running (set up in $((SECONDS - started))s).
  Open the web app:  http://app.localhost:$EN_GATEWAY_PORT
  Demo data: npm run seed · tests: npm test · stop: npm run down · logs: $EN_STATE/services/
EOF_READY
bash scripts/urls.sh >&2
