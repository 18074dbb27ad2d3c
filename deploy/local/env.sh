# shellcheck shell=bash
# The local Docker engine that runs the production files (npm run prod:local, docs/deployment.md):
# names, paths and versions in one place. Sourced after infra/env.sh, never run.

# The engine runs in a network namespace of its own: its iptables rules and bridges stay off the
# host's network, and what it publishes on "127.0.0.1" is that namespace's loopback.
: "${EN_PROD_NETNS:=eventonight-prod}"
# Images, build caches and the deployment's volumes survive between runs and between clones (the
# engine's data root is in the cache). The deployment's state (secrets, .env, backups, logs)
# belongs to those volumes, so it lives beside them; each clone's .infra/prod-local links to it.
: "${EN_PROD_CACHE:=$EVENTONIGHT_CACHE/prod-local}"
: "${EN_PROD_DOCKER_ROOT:=$EN_PROD_CACHE/docker}"
: "${EN_PROD_EXEC_ROOT:=/run/eventonight-prod}"
: "${EN_PROD_SOCKET:=/run/eventonight-prod.sock}"
: "${EN_PROD_STATE:=$EN_PROD_CACHE/state}"
# Compose v5 as the docker CLI's plugin (Debian's docker-compose is 1.29), built from its Go module.
: "${EN_COMPOSE_VERSION:=v5.6.0}"
: "${EN_DOCKER_CONFIG:=$EN_PROD_CACHE/docker-config}"
# Debian release every local stand-in image is made from (debootstrap, Debian's packages).
: "${EN_PROD_DEBIAN_SUITE:=bookworm}"
: "${EN_PROD_DEBIAN_MIRROR:=http://deb.debian.org/debian}"
# The compose project, and the domain its Traefik routes (the test reaches it inside the namespace).
: "${EN_PROD_PROJECT:=eventonight}"
: "${EN_PROD_DOMAIN:=eventonight.test}"
: "${EN_PROD_IMAGE_TAG:=local}"

export DOCKER_HOST="unix://$EN_PROD_SOCKET"
export DOCKER_CONFIG="$EN_DOCKER_CONFIG"
export EN_PROD_NETNS EN_PROD_CACHE EN_PROD_DOCKER_ROOT EN_PROD_EXEC_ROOT EN_PROD_SOCKET EN_PROD_STATE \
  EN_COMPOSE_VERSION EN_DOCKER_CONFIG EN_PROD_DEBIAN_SUITE EN_PROD_DEBIAN_MIRROR EN_PROD_PROJECT EN_PROD_DOMAIN EN_PROD_IMAGE_TAG
