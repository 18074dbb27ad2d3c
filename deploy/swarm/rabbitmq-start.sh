#!/bin/sh
# The Swarm stack's RabbitMQ members (deploy/swarm/stack.yml): every member must hold the same
# Erlang cookie to form a cluster. It is the Docker secret rabbitmq_erlang_cookie; RabbitMQ (and
# the CLI tools of the health check) read it from $HOME/.erlang.cookie, owner-only.
set -eu
home=${HOME:-/var/lib/rabbitmq}
cookie=$home/.erlang.cookie
rm -f "$cookie"
cp /run/secrets/rabbitmq_erlang_cookie "$cookie"
chmod 400 "$cookie"
# The upstream image starts as root and its entrypoint drops to the rabbitmq user.
if [ "$(id -u)" = 0 ]; then chown rabbitmq:rabbitmq "$cookie"; fi
if command -v docker-entrypoint.sh >/dev/null 2>&1; then exec docker-entrypoint.sh "$@"; fi
exec "$@"
