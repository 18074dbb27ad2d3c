#!/usr/bin/env bash
# Deploys (or updates) the Swarm stack from a manager (docs/scaling.md, "Runbook"):
#
#   deploy/swarm/deploy.sh ENV_FILE [-c EXTRA_STACK_FILE]...
#
# ENV_FILE holds the settings (the names of .env.example; SECRETS_DIR made by
# `deploy/make-secrets.sh --swarm`). CONFIG_VERSION, the name suffix of the stack's Docker configs,
# is a hash of the files they carry: a changed file becomes a new config and the services using it
# are updated replica by replica; an unchanged one keeps its name. STACK_NAME (default eventonight).
# OVERLAY_ENCRYPTION=off is for a kernel without IPsec's AES-GCM only (the local swarm of
# docs/scaling.md: there an encrypted overlay carries nothing between nodes): the stack is deployed
# with its overlays unencrypted. Production leaves it unset.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
env_file=${1:?usage: deploy/swarm/deploy.sh ENV_FILE [-c EXTRA_STACK_FILE]...}
shift
[ -f "$env_file" ] || { echo "no $env_file (the settings: copy .env.example, docs/scaling.md)" >&2; exit 1; }
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a

# The files the stack's configs carry (stack.yml, `configs:`), in a fixed order.
config_files=(
  "$here/traefik.yml" "$here/../../traefik/dynamic/routers.yml" "$here/../../traefik/dynamic/middlewares.yml"
  "$here/../rabbitmq/rabbitmq.conf" "$here/rabbitmq-cluster.conf" "$here/../rabbitmq/enabled_plugins" "$here/rabbitmq-start.sh"
  "$here/../mongo/create-service-user.js" "$here/mongo-rs-init.sh" "$here/../../keycloak/realm-eventonight.json"
  "$here/../keycloak/start.sh" "$here/../seaweedfs/start.sh" "$here/../seaweedfs/init.sh"
)
CONFIG_VERSION=$(cat "${config_files[@]}" | sha256sum | cut -c1-12)
export CONFIG_VERSION

stack=${STACK_NAME:-eventonight}
if [ "${OVERLAY_ENCRYPTION:-on}" = off ]; then
  rendered=$(mktemp)
  trap 'rm -f "$rendered"' EXIT
  # The merged, interpolated stack without the overlays' `encrypted` option; every `$` left in it is
  # literal, so it is doubled again for the deploy's own interpolation.
  docker stack config -c "$here/stack.yml" "$@" | sed 's/\$/$$/g' |
    perl -0pe 's/\n[ ]+driver_opts:\n[ ]+encrypted: "true"(?=\n)//g' >"$rendered"
  docker stack deploy --prune --resolve-image never -c "$rendered" "$stack"
else
  docker stack deploy --prune --resolve-image never -c "$here/stack.yml" "$@" "$stack"
fi
