#!/usr/bin/env bash
# Prints where the platform is reached locally: one entry point, Traefik, with a host name per
# service (browsers resolve *.localhost to loopback; curl too). docs/traefik.md explains it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=infra/env.sh
. infra/env.sh

port=$EN_GATEWAY_PORT
cat <<EOF_URLS
EventoNight through the gateway (Traefik $EN_TRAEFIK_VERSION on 127.0.0.1:$port):
  web app        http://app.localhost:$port        (static server on :$EN_WEB_PORT, once built)
  users          http://users.localhost:$port
  events         http://events.localhost:$port
  interactions   http://interactions.localhost:$port
  chat           http://chat.localhost:$port
  tickets        http://tickets.localhost:$port      (Stripe webhook: /webhooks/stripe)
  notifications  http://notifications.localhost:$port  (Socket.IO at /socket.io/)
  media          http://media.localhost:$port
  auth           http://auth.localhost:$port        (Keycloak realm $KEYCLOAK_REALM; issuer $KEYCLOAK_ISSUER)
  files          http://files.localhost:$EN_GATEWAY_FILES_PORT       (object store, bucket paths only; its own entry point)
  one origin     http://localhost:$port/api/<service>/...  (user, event, interaction, chat, ticketing, notification, media)
  API reference  http://localhost:$port/api/<service>/api-docs  (each service's OpenAPI document, read with Swagger UI)
Mail (Mailpit $EN_MAILPIT_VERSION, every mail kept, nothing delivered):
  all mails      $MAILPIT_URL/api/v1/messages       (JSON, newest first: each mail's ID)
  one mail       $MAILPIT_URL/view/<ID>.html         (as a person reads it; its single-page UI is not built here, ADR 0030)
  newest mail    $MAILPIT_URL/api/v1/message/latest  (JSON: subject, text, HTML, attachments)
Node clients: node's fetch cannot resolve *.localhost; use http://localhost:$port/api/<service>/ or send the Host header.
EOF_URLS
