#!/bin/bash
# Keycloak reads its settings from KC_* variables only; this wrapper fills the secret ones from the
# Docker secrets, so no password sits in the container's environment definition, then starts the
# server. The client secrets are also read by the realm import (${USER_SERVICE_CLIENT_SECRET} …),
# and so are the mail server's settings (${EVENTONIGHT_SMTP_HOST} …: the reset-password mail).
set -euo pipefail
# Overridable only so that tests/deployment can run this script outside the image.
secrets_dir=${EVENTONIGHT_SECRETS_DIR:-/run/secrets}
kc=${EVENTONIGHT_KC_SH:-/opt/keycloak/bin/kc.sh}
refuse() { echo "keycloak: $*; refusing to start (docs/deployment.md)" >&2; exit 1; }
read_secret() {
  local value=''
  # Bash builtins only: the image has no sed or cat guaranteed.
  IFS= read -r value <"$secrets_dir/$1" || true
  if [ -z "$value" ]; then echo "keycloak: $secrets_dir/$1 is empty" >&2; exit 1; fi
  printf '%s' "$value"
}
# The words of the platform's own placeholder rule (packages/platform/src/config/secrets.ts).
placeholder_word() {
  local lower=${1,,} word
  for word in change-me changeme change_me replace placeholder example dummy your- todo xxxx; do
    if [[ $lower == *"$word"* ]]; then printf '%s' "$word"; return 0; fi
  done
  return 1
}
# %XX escapes of a URL's user-info, decoded (a backslash stays itself).
url_decode() {
  local value=${1//\\/\\\\}
  printf '%b' "${value//%/\\x}"
}

KC_DB_PASSWORD=$(read_secret keycloak_db_password)
KC_BOOTSTRAP_ADMIN_PASSWORD=$(read_secret keycloak_admin_password)
USER_SERVICE_CLIENT_SECRET=$(read_secret user_service_client_secret)
EVENT_SERVICE_CLIENT_SECRET=$(read_secret event_service_client_secret)
export KC_DB_PASSWORD KC_BOOTSTRAP_ADMIN_PASSWORD USER_SERVICE_CLIENT_SECRET EVENT_SERVICE_CLIENT_SECRET

# The mail server: the notification service's secret too (one account sends all the platform's
# mail), smtp://user:password@host[:port] (STARTTLS, port 587) or smtps://… (TLS, port 465).
smtp_url=$(read_secret smtp_url)
[[ $smtp_url =~ ^(smtps?)://([^:@/]+):([^@/]+)@([^:@/]+)(:([0-9]+))?/?$ ]] ||
  refuse "$secrets_dir/smtp_url is not smtp[s]://user:password@host[:port]"
scheme=${BASH_REMATCH[1]}
EVENTONIGHT_SMTP_USER=$(url_decode "${BASH_REMATCH[2]}")
EVENTONIGHT_SMTP_PASSWORD=$(url_decode "${BASH_REMATCH[3]}")
EVENTONIGHT_SMTP_HOST=${BASH_REMATCH[4]}
EVENTONIGHT_SMTP_PORT=${BASH_REMATCH[6]}
if [ "$scheme" = smtps ]; then
  EVENTONIGHT_SMTP_PORT=${EVENTONIGHT_SMTP_PORT:-465} EVENTONIGHT_SMTP_SSL=true EVENTONIGHT_SMTP_STARTTLS=false
else
  EVENTONIGHT_SMTP_PORT=${EVENTONIGHT_SMTP_PORT:-587} EVENTONIGHT_SMTP_SSL=false EVENTONIGHT_SMTP_STARTTLS=true
fi
for part in host:"$EVENTONIGHT_SMTP_HOST" user:"$EVENTONIGHT_SMTP_USER" password:"$EVENTONIGHT_SMTP_PASSWORD"; do
  if word=$(placeholder_word "${part#*:}"); then refuse "the mail server's ${part%%:*} in $secrets_dir/smtp_url looks like a placeholder (contains \"$word\")"; fi
done
# As every secret: a generated or provider-issued password, never one short enough to type.
[ "${#EVENTONIGHT_SMTP_PASSWORD}" -ge 16 ] || refuse "the mail server's password in $secrets_dir/smtp_url is shorter than 16 characters"
# The sender's address, from .env (MAIL_FROM_ADDRESS): a real domain's, the one the server may send for.
from=${EVENTONIGHT_SMTP_FROM:-}
[[ $from =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ ]] || refuse "EVENTONIGHT_SMTP_FROM (MAIL_FROM_ADDRESS in .env) is not an email address"
if word=$(placeholder_word "$from"); then refuse "EVENTONIGHT_SMTP_FROM (MAIL_FROM_ADDRESS in .env) looks like a placeholder (contains \"$word\")"; fi
export EVENTONIGHT_SMTP_HOST EVENTONIGHT_SMTP_PORT EVENTONIGHT_SMTP_USER EVENTONIGHT_SMTP_PASSWORD EVENTONIGHT_SMTP_SSL EVENTONIGHT_SMTP_STARTTLS
exec "$kc" "$@"
