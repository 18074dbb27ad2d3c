#!/bin/bash
# Keycloak reads its settings from KC_* variables only; this wrapper fills the secret ones from the
# Docker secrets, so no password sits in the container's environment definition, then starts the
# server. The client secrets are also read by the realm import (${USER_SERVICE_CLIENT_SECRET} …).
set -euo pipefail
# Overridable only so that tests/deployment can run this script outside the image.
secrets_dir=${EVENTONIGHT_SECRETS_DIR:-/run/secrets}
kc=${EVENTONIGHT_KC_SH:-/opt/keycloak/bin/kc.sh}
read_secret() {
  local value=''
  # Bash builtins only: the image has no sed or cat guaranteed.
  IFS= read -r value <"$secrets_dir/$1" || true
  if [ -z "$value" ]; then echo "keycloak: $secrets_dir/$1 is empty" >&2; exit 1; fi
  printf '%s' "$value"
}
KC_DB_PASSWORD=$(read_secret keycloak_db_password)
KC_BOOTSTRAP_ADMIN_PASSWORD=$(read_secret keycloak_admin_password)
USER_SERVICE_CLIENT_SECRET=$(read_secret user_service_client_secret)
EVENT_SERVICE_CLIENT_SECRET=$(read_secret event_service_client_secret)
export KC_DB_PASSWORD KC_BOOTSTRAP_ADMIN_PASSWORD USER_SERVICE_CLIENT_SECRET EVENT_SERVICE_CLIENT_SECRET
exec "$kc" "$@"
