# shellcheck shell=bash
# Sourced by the local engine's scripts (engine.sh, images.sh, scripts/prod-local.sh), never run:
# infra's helpers (log, run_logged, as_root, ...), the engine's names and paths, its log folder.
# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../infra/lib.sh"
# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
readonly LOGS=$EN_PROD_STATE/logs
