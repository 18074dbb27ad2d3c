#!/usr/bin/env bash
# Writes the local rendering of Traefik's static configuration: traefik/traefik.yml (the
# production file, the one source) with only its addresses and the routes' directory replaced.
# Traefik does not template its static file and takes it from one source only (file, flags or
# environment), hence a rendered copy. Used by infra/ctl.sh and the gateway tests.
#
#   infra/traefik-static.sh <out-file> <web-address> <ping-address> <files-address> [<trusted-forwarder-cidr>]
#   e.g. infra/traefik-static.sh .infra/traefik/traefik.yml 127.0.0.1:8000 127.0.0.1:8082 127.0.0.1:8001
# The files address is the entry point of files.<domain> alone (its long read timeout). The
# optional CIDR replaces cloudflared's subnet as the one peer whose X-Forwarded-For is kept (on
# every entry point): the read benchmark plays cloudflared to spread its requests over many
# client IPs.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$1 web=$2 ping=$3 files=$4 trusted=${5:-}
source_file=$root/traefik/traefik.yml

replace() {
  local from=$1 to=$2
  grep -qF -- "$from" "$out.tmp" || { echo "traefik-static: '$from' not found in $source_file" >&2; exit 1; }
  local escaped_from escaped_to
  escaped_from=$(printf '%s' "$from" | sed 's/[]\/$*.^[]/\\&/g')
  escaped_to=$(printf '%s' "$to" | sed 's/[\/&]/\\&/g')
  sed -i "s/$escaped_from/$escaped_to/" "$out.tmp"
}

mkdir -p "$(dirname "$out")"
{
  echo "# Rendered from traefik/traefik.yml by infra/traefik-static.sh: do not edit, edit the source."
  cat "$source_file"
} >"$out.tmp"
replace 'address: ":80"' "address: \"$web\""
replace 'address: ":8082"' "address: \"$ping\""
replace 'address: ":8081"' "address: \"$files\""
replace 'directory: /etc/traefik/dynamic' "directory: $root/traefik/dynamic"
[ -z "$trusted" ] || replace '- "172.30.0.0/24"' "- \"$trusted\""
mv -f "$out.tmp" "$out"
