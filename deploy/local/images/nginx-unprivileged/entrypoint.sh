#!/bin/sh
# The nginx image's template step: each *.template under NGINX_ENVSUBST_TEMPLATE_DIR becomes a file
# in NGINX_ENVSUBST_OUTPUT_DIR with ${VAR}s replaced, for the defined variables whose names match
# NGINX_ENVSUBST_FILTER (every defined variable when unset); nginx's own $variables stay.
set -eu
template_dir=$NGINX_ENVSUBST_TEMPLATE_DIR
output_dir=$NGINX_ENVSUBST_OUTPUT_DIR
suffix=$NGINX_ENVSUBST_TEMPLATE_SUFFIX
filter=${NGINX_ENVSUBST_FILTER:-}
if [ -d "$template_dir" ]; then
  names=$(env | cut -d= -f1 | grep -E "^${filter:-.*}" || true)
  defined=$(printf '${%s} ' $names)
  mkdir -p "$output_dir"
  find "$template_dir" -follow -type f -name "*$suffix" | while read -r template; do
    relative=${template#"$template_dir/"}
    target="$output_dir/${relative%"$suffix"}"
    mkdir -p "$(dirname "$target")"
    envsubst "$defined" <"$template" >"$target"
  done
fi
exec "$@"
