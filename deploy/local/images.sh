#!/usr/bin/env bash
# Builds, on the local engine (deploy/local/engine.sh), every image the production files name,
# from local material only: no image registry is reachable here, and build containers have no
# route out (docs/deployment.md, "Production on the local engine").
#
#   deploy/local/images.sh                  # stand-ins and the project's images
#   deploy/local/images.sh third-party      # only the stand-ins
#   deploy/local/images.sh project          # only the project's images (the production Dockerfile) and their bases
#
# Stand-ins are named for what they are, eventonight-local/<server>:<version>: a Debian bookworm
# root file system (debootstrap, plus Debian's packages installed in a chroot) and what
# infra/setup.sh already builds or downloads (Node.js, FerretDB, Traefik, SeaweedFS, Keycloak,
# stripe-mock, Prometheus, Alertmanager, Jaeger). Each image carries a label with the hash of its recipe: an unchanged recipe is not
# rebuilt, so a warm run takes seconds. Prints `NAME=image` lines (LOCAL_*_IMAGE) on stdout for
# the local override's variables; progress goes to stderr.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=deploy/local/lib.sh
. "$here/lib.sh"
trap_unexpected_errors

readonly ROOTFS_CACHE=$EN_PROD_CACHE/rootfs
readonly CONTEXTS=$EN_PROD_CACHE/contexts
readonly RECIPE_LABEL=eventonight.recipe
mkdir -p "$LOGS" "$ROOTFS_CACHE" "$CONTEXTS"

hash_of() { sha256sum | cut -c1-16; }

# Hash of a folder's files (names and contents) plus any extra words.
recipe_of() {
  local dir=$1
  shift
  { (cd "$dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum); printf '%s\n' "$@"; } | hash_of
}

image_recipe() { docker image inspect --format "{{ index .Config.Labels \"$RECIPE_LABEL\" }}" "$1" 2>/dev/null || true; }

# ---- root file systems ---------------------------------------------------------

# Debian's minimal base, made once: the starting point of every stand-in.
base_rootfs() {
  local tarball=$ROOTFS_CACHE/$EN_PROD_DEBIAN_SUITE-minbase.tar
  if [ ! -s "$tarball" ]; then
    local dir
    dir=$(mktemp -d "$ROOTFS_CACHE/.base-XXXXXX")
    log "images: debootstrap $EN_PROD_DEBIAN_SUITE (about a minute; log: $LOGS/debootstrap.log)"
    run_logged "debootstrap $EN_PROD_DEBIAN_SUITE" "$LOGS/debootstrap.log" \
      as_root debootstrap --variant=minbase "$EN_PROD_DEBIAN_SUITE" "$dir" "$EN_PROD_DEBIAN_MIRROR"
    as_root tar -C "$dir" -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    as_root rm -rf "$dir"
  fi
  echo "$tarball"
}

# rootfs_image NAME PACKAGE...: the base with Debian's packages installed (apt in a chroot, which
# has the host's network), imported as eventonight-local/rootfs:NAME-<hash>. Prints the image.
rootfs_image() {
  local name=$1
  shift
  local base image
  base=$(base_rootfs)
  image="eventonight-local/rootfs:$name-$( { printf '%s\n' "$EN_PROD_DEBIAN_SUITE" "$@"; declare -f rootfs_image; } | hash_of)"
  if docker image inspect "$image" >/dev/null 2>&1; then echo "$image"; return; fi
  local dir logfile=$LOGS/rootfs-$name.log
  dir=$(mktemp -d "$ROOTFS_CACHE/.$name-XXXXXX")
  log "images: root file system '$name' with ${*:-no extra packages} (log: $logfile)"
  as_root tar -C "$dir" -xf "$base"
  if [ $# -gt 0 ]; then
    # No daemon starts inside the chroot; no PostgreSQL cluster is made by the package.
    printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
    chmod +x "$dir/usr/sbin/policy-rc.d"
    mkdir -p "$dir/etc/postgresql-common"
    echo "create_main_cluster = false" >"$dir/etc/postgresql-common/createcluster.conf"
    cp /etc/resolv.conf "$dir/etc/resolv.conf"
    as_root mount -t proc proc "$dir/proc"
    local status=0
    {
      run_logged "apt-get update in the '$name' root file system" "$logfile" as_root chroot "$dir" apt-get update
      run_logged "apt-get install $* in the '$name' root file system" "$logfile" \
        as_root chroot "$dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
    } || status=$?
    as_root umount "$dir/proc"
    [ "$status" -eq 0 ] || exit "$status"
    rm -f "$dir/usr/sbin/policy-rc.d" "$dir/etc/resolv.conf"
  fi
  # Downloaded packages and package lists (debootstrap leaves its own too) stay out of the image.
  rm -rf "$dir/var/cache/apt/archives/"*.deb "$dir/var/lib/apt/lists/"*
  as_root tar -C "$dir" -c . | docker import - "$image" >>"$logfile"
  as_root rm -rf "$dir"
  echo "$image"
}

# The upstream version of a Debian package inside a root file system image: 5:7.0.15-1~deb12u6 -> 7.0.15.
debian_version() {
  docker run --rm --network none "$1" dpkg-query -W -f='${Version}' "$2" | sed -E 's/^[0-9]+://; s/[-+~].*$//'
}

# ---- builds -----------------------------------------------------------------------

# stage_context NAME: a fresh build context holding deploy/local/images/NAME; callers add files.
stage_context() {
  local context=$CONTEXTS/$1
  rm -rf "$context"
  mkdir -p "$context"
  cp -r "$here/images/$1/." "$context/"
  echo "$context"
}

# Hard links where the file system allows (large binaries), copies otherwise.
link_into() { cp -al "$1" "$2" 2>/dev/null || cp -a "$1" "$2"; }

# build_standin NAME TAG RECIPE_WORDS BUILD_ARG... (context already staged): builds
# eventonight-local/NAME:TAG unless an image with the same recipe exists. Prints the image.
build_standin() {
  local name=$1 tag=$2 words=$3
  shift 3
  local image="eventonight-local/$name:$tag" recipe
  # How the context is staged is part of the recipe: a changed stage_<name> rebuilds the image.
  recipe=$(recipe_of "$here/images/$name" "$words" "$(declare -f "stage_$name" own_cacerts)" "$@")
  if [ "$(image_recipe "$image")" = "$recipe" ]; then echo "$image"; return; fi
  local context
  context=$(stage_context "$name")
  "stage_$name" "$context"
  local args=() arg
  for arg in "$@"; do args+=(--build-arg "$arg"); done
  log "images: building $image (log: $LOGS/image-$name.log)"
  run_logged "docker build $image" "$LOGS/image-$name.log" \
    docker build --label "$RECIPE_LABEL=$recipe" "${args[@]}" -t "$image" "$context"
  rm -rf "$context"
  echo "$image"
}

# What each stand-in's context needs besides its own folder.
stage_node() {
  link_into "$EN_NODE_HOME" "$1/node"
  local npm_version
  npm_version=$(sed -n 's/.*"packageManager": "npm@\([^"]*\)".*/\1/p' "$EN_ROOT/package.json")
  (cd "$1" && npm pack "npm@$npm_version" --silent >/dev/null && mkdir npm && tar -xzf "npm-$npm_version.tgz" -C npm --strip-components=1 && rm "npm-$npm_version.tgz")
}
stage_nginx-unprivileged() { :; }
stage_postgres() { :; }
stage_rabbitmq() { :; }
stage_redis() { :; }
stage_traefik() { link_into "$EN_BIN/traefik" "$1/traefik"; }
stage_stripe-mock() { link_into "$EN_BIN/stripe-mock" "$1/stripe-mock"; }
stage_seaweedfs() { link_into "$EN_BIN/weed" "$1/weed"; }
stage_prometheus() { link_into "$EN_BIN/prometheus" "$1/prometheus"; link_into "$EN_BIN/promtool" "$1/promtool"; }
stage_alertmanager() { link_into "$EN_BIN/alertmanager" "$1/alertmanager"; }
stage_jaeger() { link_into "$EN_BIN/jaeger" "$1/jaeger"; }
stage_busybox() { :; }
stage_keycloak() {
  link_into "$EVENTONIGHT_CACHE/keycloak-$EN_KEYCLOAK_VERSION" "$1/keycloak"
  local java
  for java in $EN_KEYCLOAK_JAVA_CANDIDATES; do
    if [ -x "$java/bin/java" ]; then
      link_into "$(readlink -f "$java")" "$1/jdk"
      own_cacerts "$1/jdk"
      return
    fi
  done
  die "no JDK for the Keycloak image among: $EN_KEYCLOAK_JAVA_CANDIDATES"
}

# A packaged JDK (Debian's, Adoptium's) keeps its CA certificates outside itself: lib/security/
# cacerts links to /etc/ssl/certs/java/cacerts, which the image has not got, and Keycloak then
# refuses to start ("could not find the system truststore"). The image gets the file itself.
own_cacerts() {
  local cacerts=$1/lib/security/cacerts target
  [ -L "$cacerts" ] || return 0
  target=$(readlink -f "$cacerts")
  [ -f "$target" ] || die "the JDK's CA certificates ($cacerts -> $target) are missing on this machine"
  rm "$cacerts"
  cp "$target" "$cacerts"
}
readonly MONGOSH_VERSION=2.12.0
stage_ferretdb() {
  link_into "$EN_BIN/ferretdb" "$1/ferretdb"
  link_into "$EN_NODE_HOME" "$1/node"
  local mongosh=$EN_PROD_CACHE/mongosh-$MONGOSH_VERSION
  if [ ! -x "$mongosh/node_modules/.bin/mongosh" ]; then
    log "images: installing mongosh $MONGOSH_VERSION from the npm registry"
    rm -rf "$mongosh.part" && mkdir -p "$mongosh.part"
    run_logged "npm install mongosh@$MONGOSH_VERSION" "$LOGS/mongosh.log" \
      npm install --prefix "$mongosh.part" --ignore-scripts --no-audit --no-fund "mongosh@$MONGOSH_VERSION"
    rm -rf "$mongosh" && mv "$mongosh.part" "$mongosh"
  fi
  link_into "$mongosh" "$1/mongosh"
}

# standin VARIABLE NAME TAG RECIPE_WORDS BUILD_ARG...: builds one stand-in, prints VARIABLE=image.
standin() {
  local variable=$1 image
  shift
  image=$(build_standin "$@")
  echo "$variable=$image"
}

# The version part of a tool's pinned version: v3.6.25 -> 3.6.25.
plain() { echo "${1#v}"; }

# The bases of the project's own images (the Dockerfile's NODE_IMAGE and NGINX_IMAGE).
base_standins() {
  local base nginx_root
  base=$(rootfs_image minbase)
  nginx_root=$(rootfs_image nginx nginx gettext-base wget)
  standin LOCAL_NODE_IMAGE node "$EN_NODE_VERSION-$EN_PROD_DEBIAN_SUITE-slim" "$EN_NODE_VERSION" "ROOTFS=$base"
  standin LOCAL_NGINX_IMAGE nginx-unprivileged "$(debian_version "$nginx_root" nginx)-$EN_PROD_DEBIAN_SUITE" '' "ROOTFS=$nginx_root"
}

# The servers docker-compose.yml runs besides the project's images.
server_standins() {
  local base pg_root rabbit_root redis_root curl_root certs_root pg_version pg_major
  base=$(rootfs_image minbase)
  certs_root=$(rootfs_image certificates ca-certificates)
  pg_root=$(rootfs_image postgresql postgresql-15)
  rabbit_root=$(rootfs_image rabbitmq rabbitmq-server)
  redis_root=$(rootfs_image redis redis-server)
  curl_root=$(rootfs_image curl curl ca-certificates)
  pg_version=$(debian_version "$pg_root" postgresql-15)
  pg_major=${pg_version%%.*}

  standin LOCAL_POSTGRES_IMAGE postgres "$pg_version" '' "ROOTFS=$pg_root" "PG_MAJOR=$pg_major"
  standin LOCAL_MONGO_IMAGE ferretdb "$(plain "$EN_FERRETDB_VERSION")-pg$pg_major" \
    "$(cat "$EN_BIN/ferretdb.build") $EN_NODE_VERSION $MONGOSH_VERSION" "ROOTFS=$pg_root" "PG_MAJOR=$pg_major"
  standin LOCAL_RABBITMQ_IMAGE rabbitmq "$(debian_version "$rabbit_root" rabbitmq-server)" '' "ROOTFS=$rabbit_root"
  standin LOCAL_REDIS_IMAGE redis "$(debian_version "$redis_root" redis-server)" '' "ROOTFS=$redis_root"
  standin LOCAL_KEYCLOAK_IMAGE keycloak "$EN_KEYCLOAK_VERSION" "$EN_KEYCLOAK_JAVA_CANDIDATES" "ROOTFS=$base"
  standin LOCAL_SEAWEEDFS_IMAGE seaweedfs "$EN_SEAWEEDFS_VERSION" "$(cat "$EN_BIN/weed.build")" "ROOTFS=$curl_root"
  standin LOCAL_TRAEFIK_IMAGE traefik "$(plain "$EN_TRAEFIK_VERSION")" "$(cat "$EN_BIN/traefik.build")" "ROOTFS=$certs_root"
  standin LOCAL_STRIPE_MOCK_IMAGE stripe-mock "$(plain "$EN_STRIPE_MOCK_VERSION")" "$EN_STRIPE_MOCK_VERSION" "ROOTFS=$base"
  monitoring_standins
}

# Monitoring (docs/adr/0037): Prometheus, Alertmanager and Jaeger from infra/setup.sh's builds, on a
# root file system with wget for their health checks; Debian's busybox for backup-metrics. Grafana
# has no stand-in (neither Debian nor the Go proxy has a buildable release): the local override
# leaves it out.
monitoring_standins() {
  local wget_root busybox_root
  wget_root=$(rootfs_image wget wget ca-certificates)
  busybox_root=$(rootfs_image busybox busybox)
  # Prometheus 3's module v0.3XX.Y is its release 3.XX.Y.
  standin LOCAL_PROMETHEUS_IMAGE prometheus "$(sed -E 's/^v0\.([0-9])0?([0-9]+)\.([0-9]+)$/\1.\2.\3/' <<<"$EN_PROMETHEUS_VERSION")" \
    "$(cat "$EN_BIN/prometheus.build")" "ROOTFS=$wget_root"
  standin LOCAL_ALERTMANAGER_IMAGE alertmanager "$(plain "$EN_ALERTMANAGER_VERSION")" "$(cat "$EN_BIN/alertmanager.build")" "ROOTFS=$wget_root"
  standin LOCAL_JAEGER_IMAGE jaeger "$(plain "$EN_JAEGER_VERSION")" "$(cat "$EN_BIN/jaeger.build")" "ROOTFS=$wget_root"
  standin LOCAL_BUSYBOX_IMAGE busybox "$(debian_version "$busybox_root" busybox)" '' "ROOTFS=$busybox_root"
}

# ---- the project's images: the production Dockerfile, with local base images --------

# npm's cache of every package in the lock file, for `npm ci` inside builds that reach no
# registry: filled once per lock file (from the registry, on the host), then put in the build
# context as .npm-cache/ (git-ignored), which the Dockerfile uses when present.
npm_cache_for_builds() {
  local cache=$EN_PROD_CACHE/npm-cache lock_hash
  lock_hash=$(hash_of <"$EN_ROOT/package-lock.json")
  if [ "$(cat "$cache.lock-hash" 2>/dev/null)" != "$lock_hash" ]; then
    local work
    work=$(mktemp -d)
    log "images: filling npm's cache from the lock file (log: $LOGS/npm-cache.log)"
    (cd "$EN_ROOT" && git ls-files -z -- package.json package-lock.json '*/package.json' | grep -zv '^node_modules/' |
      xargs -0 -I{} cp --parents {} "$work/")
    run_logged "npm ci into the build cache" "$LOGS/npm-cache.log" \
      env -C "$work" npm ci --cache "$cache" --prefer-offline --ignore-scripts --no-audit --no-fund
    rm -rf "$work"
    echo "$lock_hash" >"$cache.lock-hash"
  fi
  rm -rf "$EN_ROOT/.npm-cache"
  link_into "$cache" "$EN_ROOT/.npm-cache"
}

# build_project IMAGE ARG... : docker build of the repository's Dockerfile.
build_project() {
  local image=$1
  shift
  local logfile
  logfile="$LOGS/build-$(basename "${image%%:*}").log"
  log "images: building $image from the production Dockerfile (log: $logfile)"
  run_logged "docker build $image" "$logfile" docker build -f "$EN_ROOT/Dockerfile" -t "$image" "$@" "$EN_ROOT"
}

project() {
  local node_image=$1 nginx_image=$2 entry service port
  npm_cache_for_builds
  local bases=(--build-arg "NODE_IMAGE=$node_image" --build-arg "NGINX_IMAGE=$nginx_image")
  for entry in $EN_SERVICES; do
    service=${entry%%:*} port=${entry##*:}
    build_project "eventonight/$service-service:$EN_PROD_IMAGE_TAG" "${bases[@]}" --target runtime \
      --build-arg "SERVICE=$service" --build-arg "PORT=$port"
  done
  build_project "eventonight/web:$EN_PROD_IMAGE_TAG" "${bases[@]}" --target web
  build_project "eventonight/backup:$EN_PROD_IMAGE_TAG" "${bases[@]}" --target backup
  rm -rf "$EN_ROOT/.npm-cache"
}

main() {
  docker version >/dev/null 2>&1 || die "the local engine is not running (deploy/local/engine.sh start)"
  local what=${1:-all} bases
  bases=$(base_standins)
  echo "$bases"
  if [ "$what" != project ]; then server_standins; fi
  if [ "$what" != third-party ]; then
    project "$(sed -n 's/^LOCAL_NODE_IMAGE=//p' <<<"$bases")" "$(sed -n 's/^LOCAL_NGINX_IMAGE=//p' <<<"$bases")"
  fi
}

main "$@"
