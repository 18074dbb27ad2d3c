# shellcheck shell=bash
# Sourced by the local engine's scripts (engine.sh, images.sh, scripts/prod-local.sh), never run:
# infra's helpers (log, run_logged, as_root, ...), the engine's names and paths, its log folder.
# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../infra/lib.sh"
# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# .infra/prod-local in this clone -> $EN_PROD_STATE. The secrets must be the ones the volumes were
# initialised with: when each clone made its own, a second clone met the first one's databases
# and Keycloak's refused the new password. A clone's own folder from before this link existed
# is moved there when nothing is there yet (it made the volumes), else kept aside, renamed.
link_prod_state() {
  local link=$EN_STATE/prod-local
  mkdir -p "$EN_STATE" "$(dirname "$EN_PROD_STATE")"
  if [ -d "$link" ] && [ ! -L "$link" ]; then
    if [ ! -e "$EN_PROD_STATE" ]; then
      mv "$link" "$EN_PROD_STATE"
    else
      mv "$link" "$link.before-$(date -u +%Y%m%dT%H%M%SZ)"
    fi
  fi
  mkdir -p "$EN_PROD_STATE"
  [ "$(readlink "$link" 2>/dev/null)" = "$EN_PROD_STATE" ] || ln -sfn "$EN_PROD_STATE" "$link"
}
link_prod_state
readonly LOGS=$EN_PROD_STATE/logs
