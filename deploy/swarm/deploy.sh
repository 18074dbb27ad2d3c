#!/usr/bin/env bash
# Deploys (or updates) the Swarm stack from a manager (docs/scaling.md, "Runbook"):
#
#   deploy/swarm/deploy.sh ENV_FILE [-c EXTRA_STACK_FILE]...
#
# ENV_FILE holds the settings (the names of .env.example; SECRETS_DIR made by
# `deploy/make-secrets.sh --swarm`). A Docker config cannot change: each config's name ends in a hash
# of its file, so a changed file becomes a new config and the services using it are updated replica
# by replica; an unchanged one keeps its name. STACK_NAME (default eventonight).
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

# The stack's configs (stack.yml, `configs:`) and the files they carry. Each config's name ends in a
# hash of its own file (CONFIG_<config>): a changed file updates only the services that use it.
declare -A config_files=(
  [traefik_static]=traefik.yml
  [traefik_routers]=../../traefik/dynamic/routers.yml
  [traefik_middlewares]=../../traefik/dynamic/middlewares.yml
  [rabbitmq_conf]=../rabbitmq/rabbitmq.conf
  [rabbitmq_cluster_conf]=rabbitmq-cluster.conf
  [rabbitmq_plugins]=../rabbitmq/enabled_plugins
  [rabbitmq_start]=rabbitmq-start.sh
  [mongo_create_service_user]=../mongo/create-service-user.js
  [mongo_rs_init]=mongo-rs-init.sh
  [keycloak_realm]=../../keycloak/realm-eventonight.json
  [keycloak_start]=../keycloak/start.sh
  [keycloak_theme_login_properties]=../../keycloak/themes/eventonight/login/theme.properties
  [keycloak_theme_login_footer]=../../keycloak/themes/eventonight/login/footer.ftl
  [keycloak_theme_login_page_expired]=../../keycloak/themes/eventonight/login/login-page-expired.ftl
  [keycloak_theme_login_messages]=../../keycloak/themes/eventonight/login/messages/messages_en.properties
  [keycloak_theme_login_css]=../../keycloak/themes/eventonight/login/resources/css/eventonight.css
  [keycloak_theme_login_js]=../../keycloak/themes/eventonight/login/resources/js/eventonight.js
  [keycloak_theme_login_logo]=../../keycloak/themes/eventonight/login/resources/img/logo.svg
  [keycloak_theme_login_favicon]=../../keycloak/themes/eventonight/login/resources/img/favicon.svg
  [keycloak_theme_email_properties]=../../keycloak/themes/eventonight/email/theme.properties
  [keycloak_theme_email_template]=../../keycloak/themes/eventonight/email/html/template.ftl
  [keycloak_theme_email_password_reset]=../../keycloak/themes/eventonight/email/html/password-reset.ftl
  [keycloak_theme_email_messages]=../../keycloak/themes/eventonight/email/messages/messages_en.properties
  [seaweedfs_start]=../seaweedfs/start.sh
  [seaweedfs_init]=../seaweedfs/init.sh
  [prometheus_config]=../monitoring/prometheus/prometheus-swarm.yml
  [prometheus_alerts]=../monitoring/prometheus/alerts.yml
  [alertmanager_config]=../monitoring/alertmanager/alertmanager.yml
  [jaeger_config]=../monitoring/jaeger/config.yml
  [grafana_datasources]=../monitoring/grafana/provisioning/datasources/datasources.yml
  [grafana_dashboards]=../monitoring/grafana/provisioning/dashboards/dashboards.yml
  [grafana_dashboard_paths]=../monitoring/grafana/dashboards/like-and-checkout.json
  [grafana_dashboard_user]=../monitoring/grafana/dashboards/service-user.json
  [grafana_dashboard_event]=../monitoring/grafana/dashboards/service-event.json
  [grafana_dashboard_interaction]=../monitoring/grafana/dashboards/service-interaction.json
  [grafana_dashboard_chat]=../monitoring/grafana/dashboards/service-chat.json
  [grafana_dashboard_ticketing]=../monitoring/grafana/dashboards/service-ticketing.json
  [grafana_dashboard_notification]=../monitoring/grafana/dashboards/service-notification.json
  [grafana_dashboard_media]=../monitoring/grafana/dashboards/service-media.json
)
for config in "${!config_files[@]}"; do
  hash=$(sha256sum "$here/${config_files[$config]}" | cut -c1-12)
  export "CONFIG_$config=$hash"
done

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
