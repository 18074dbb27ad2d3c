#!/usr/bin/env bash
# Sets up and starts the platform on this machine: dependencies, build, the real servers
# from infra/, then every service as a background process. Idempotent; rerun at will.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1

# --ignore-scripts: no dependency needs an install script (esbuild ships its binary in a
# platform package), and esbuild's optional check raced npm's own extraction (ETXTBSY) here.
npm ci --no-audit --no-fund --ignore-scripts
bash infra/up.sh
npx turbo run build --output-logs=errors-only
bash scripts/services.sh start
bash scripts/urls.sh
