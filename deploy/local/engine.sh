#!/usr/bin/env bash
# The local Docker engine that runs the production files (docs/deployment.md, "Production on the
# local engine"): Debian's dockerd inside a network namespace of the project's own, with Compose v5
# as the CLI's plugin.
#
#   deploy/local/engine.sh start|stop|status
#
# `start` installs what is missing (Debian's docker.io, debootstrap, Compose built from its Go
# module), makes the namespace and starts the daemon; idempotent. The daemon's data (images,
# volumes) lives in $EN_PROD_DOCKER_ROOT and survives `stop`.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap_unexpected_errors

readonly PIDFILE=$EN_PROD_EXEC_ROOT.pid
readonly APT_PACKAGES=(docker.io debootstrap iproute2 iptables)

install_apt_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == *'install ok installed'* ]] || missing+=("$pkg")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  log "apt: installing ${missing[*]} (log: $LOGS/apt.log)"
  export DEBIAN_FRONTEND=noninteractive
  if ! as_root apt-get install -y "${missing[@]}" </dev/null >>"$LOGS/apt.log" 2>&1; then
    run_logged "apt: apt-get update" "$LOGS/apt.log" as_root apt-get update </dev/null
    run_logged "apt: installing ${missing[*]}" "$LOGS/apt.log" as_root apt-get install -y "${missing[@]}" </dev/null
  fi
  # The package enables its own daemon on the host's network; ours runs in the namespace only.
  as_root systemctl disable --now docker.service docker.socket >/dev/null 2>&1 || true
}

# Compose v5 (the `docker compose` plugin): Debian ships only the old Python 1.29. `go build` of the
# exact module version; cached in the plugin folder, identified by its version.
install_compose() {
  local plugin=$EN_DOCKER_CONFIG/cli-plugins/docker-compose stamp=$EN_PROD_CACHE/compose.build
  if [ -x "$plugin" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$EN_COMPOSE_VERSION" ]; then return 0; fi
  local logfile=$LOGS/go-compose.log src=$EVENTONIGHT_CACHE/src/compose-$EN_COMPOSE_VERSION module_dir
  log "go: building docker compose $EN_COMPOSE_VERSION (a few minutes the first time; log: $logfile)"
  run_logged "go: downloading compose $EN_COMPOSE_VERSION" "$logfile" \
    env GOTOOLCHAIN=local GOFLAGS=-modcacherw "$EN_GO" mod download -json "github.com/docker/compose/v5@$EN_COMPOSE_VERSION"
  module_dir=$(GOTOOLCHAIN=local GOFLAGS=-modcacherw "$EN_GO" mod download -json "github.com/docker/compose/v5@$EN_COMPOSE_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  rm -rf "$src" && mkdir -p "$(dirname "$src")" && cp -r "$module_dir" "$src" && chmod -R u+w "$src"
  mkdir -p "$(dirname "$plugin")"
  run_logged "go: building compose $EN_COMPOSE_VERSION" "$logfile" \
    env -C "$src" CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS='-modcacherw -buildvcs=false' "$EN_GO" build -trimpath \
    -ldflags "-s -w -X github.com/docker/compose/v5/internal.Version=$EN_COMPOSE_VERSION" -o "$plugin.tmp" ./cmd
  mv -f "$plugin.tmp" "$plugin"
  echo "$EN_COMPOSE_VERSION" >"$stamp"
  rm -rf "$src"
}

engine_up() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

start() {
  mkdir -p "$LOGS" "$EN_PROD_DOCKER_ROOT" "$EN_PROD_EXEC_ROOT"
  install_apt_packages
  install_compose
  if engine_up; then return 0; fi
  if [ ! -e "/var/run/netns/$EN_PROD_NETNS" ]; then
    as_root ip netns add "$EN_PROD_NETNS"
  fi
  as_root ip -n "$EN_PROD_NETNS" link set lo up
  log "engine: starting dockerd in the network namespace $EN_PROD_NETNS (log: $LOGS/dockerd.log)"
  # nsenter, not `ip netns exec`: the latter remounts /sys, and dockerd then finds no devices cgroup.
  setsid nsenter --net="/var/run/netns/$EN_PROD_NETNS" dockerd \
    --data-root "$EN_PROD_DOCKER_ROOT" --exec-root "$EN_PROD_EXEC_ROOT" --pidfile "$PIDFILE" \
    -H "unix://$EN_PROD_SOCKET" >>"$LOGS/dockerd.log" 2>&1 </dev/null &
  local waited=0
  until engine_up; do
    [ "$waited" -lt 60 ] || fail_with_log "engine: dockerd did not answer within 60s" "$LOGS/dockerd.log"
    sleep 1
    waited=$((waited + 1))
  done
  docker compose version >/dev/null || fail_with_log "engine: the compose plugin does not run" "$LOGS/go-compose.log"
}

stop() {
  pid_alive "$PIDFILE" || return 0
  log "engine: stopping dockerd"
  kill "$(cat "$PIDFILE")"
  local waited=0
  while pid_alive "$PIDFILE" && [ "$waited" -lt 60 ]; do sleep 1; waited=$((waited + 1)); done
}

status() {
  if engine_up; then echo "engine: running (DOCKER_HOST=$DOCKER_HOST)"; else echo "engine: stopped"; exit 1; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
