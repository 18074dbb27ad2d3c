#!/usr/bin/env bash
# The one test command (README and CI): real servers up, code built, type-checked and linted,
# then every test file of the repository run by node's test runner against those servers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1

bash infra/up.sh
# Tests read the same addresses infra/ started the servers on (overridable there), and run
# on the Node.js that setup.sh installed (env.sh puts it first on the PATH).
# shellcheck source=infra/env.sh
. infra/env.sh
[ -d node_modules ] || npm ci --no-audit --no-fund --ignore-scripts
export MONGO_URL="${MONGO_URL:-$MONGODB_URL}" AMQP_URL="${AMQP_URL:-$RABBITMQ_TEST_URL}"
export REDIS_URL KEYCLOAK_URL STRIPE_API_URL S3_ENDPOINT
npx turbo run build typecheck --output-logs=errors-only
npx tsc -p tests/tsconfig.json   # tests/ and bench/ live outside the workspaces
npx eslint . --max-warnings=0
# The web app's unit tests (Vitest: formatting, problem messages, renewal timing, paging);
# its browser tests are *.test.ts under web/e2e and run below with the rest.
npm run --silent -w @eventonight/web test:unit

# Arguments that are directories narrow the search (`npm run test:e2e` passes tests/e2e); the
# others go to node's test runner (`npm test -- --test-name-pattern=relay`).
roots=() node_args=()
for arg in "$@"; do if [ -d "$arg" ]; then roots+=("$arg"); else node_args+=("$arg"); fi; done
[ ${#roots[@]} -gt 0 ] || roots=(packages services tests seed web)
# tests/production runs the compose deployment on the local Docker engine (npm run test:production,
# docs/deployment.md), tests/swarm the Swarm stack on three local nodes (npm run test:swarm,
# docs/scaling.md): each only when named, or with EN_PRODUCTION_TEST=1 / EN_SWARM_TEST=1.
skip_deployments=()
if [ "${EN_PRODUCTION_TEST:-0}" != 1 ] && ! printf '%s\n' "${roots[@]}" | grep -q '^tests/production'; then skip_deployments+=(-path tests/production -prune -o); fi
if [ "${EN_SWARM_TEST:-0}" != 1 ] && ! printf '%s\n' "${roots[@]}" | grep -q '^tests/swarm'; then skip_deployments+=(-path tests/swarm -prune -o); fi
mapfile -t files < <(find "${roots[@]}" -name node_modules -prune -o "${skip_deployments[@]}" -name '*.test.ts' -print 2>/dev/null | sort)
# One file at a time: several tests stop and restart RabbitMQ or FerretDB, and the machine has 2 cores.
# Being alone, the backup test may also stop Keycloak to copy and restore its database (ADR 0017).
export BACKUP_TEST_KEYCLOAK="${BACKUP_TEST_KEYCLOAK:-1}"
node --import tsx --test --test-concurrency=1 --test-reporter=spec "${node_args[@]}" "${files[@]}"
