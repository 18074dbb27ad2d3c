#!/bin/sh
# docker-compose.yml's seaweedfs: writes the S3 identities from the Docker secrets, then runs
# SeaweedFS (master, volume server, filer and S3 gateway in one process) as the image's
# unprivileged user. Two identities: the operator's admin key (bucket creation, backups) and the
# media service's key, which may read, write, list and tag objects of the media bucket only.
# The inner parts listen on the container's loopback; only the S3 gateway is on the network. Its
# bind address covers both its listeners, the S3 API (9000) and its gRPC port (19000, 10000
# above), which has no authentication and can change the S3 identities: SeaweedFS cannot put
# the second on loopback alone, so docker-compose.yml gives the store a network of its own that
# only Traefik, media, seaweedfs-init and the backup job join.
# One master and one volume server: no peers to wait for at start (election) or stop.
# The filer keeps its metadata in /data/filerldb2 (the image's /etc/seaweedfs/filer.toml), so
# all state is in the /data volume.
# The folders, the identities file and the binary are overridable for tests/deployment.
set -eu
secrets_dir=${EVENTONIGHT_SECRETS_DIR:-/run/secrets}
config=${EVENTONIGHT_S3_CONFIG:-/tmp/s3-identities.json}
data=${EVENTONIGHT_DATA_DIR:-/data}
weed=${EVENTONIGHT_WEED:-weed}

read_secret() {
  value=
  IFS= read -r value <"$secrets_dir/$1" || true
  if [ -z "$value" ]; then
    echo "seaweedfs: the secret $1 is empty" >&2
    exit 1
  fi
  # The value goes into JSON below: a quote or a backslash would break out of its string.
  case $value in *'"'* | *'\'*)
    echo "seaweedfs: the secret $1 holds a quote or a backslash" >&2
    exit 1
    ;;
  esac
  printf '%s' "$value"
}
admin_secret=$(read_secret s3_admin_secret_key)
media_secret=$(read_secret media_s3_secret_key)
: "${S3_ADMIN_ACCESS_KEY:?}" "${MEDIA_S3_ACCESS_KEY:?}" "${S3_BUCKET:?}"

umask 077
printf '{"identities":[%s,%s]}\n' \
  "{\"name\":\"admin\",\"credentials\":[{\"accessKey\":\"$S3_ADMIN_ACCESS_KEY\",\"secretKey\":\"$admin_secret\"}],\"actions\":[\"Admin\",\"Read\",\"List\",\"Tagging\",\"Write\"]}" \
  "{\"name\":\"media\",\"credentials\":[{\"accessKey\":\"$MEDIA_S3_ACCESS_KEY\",\"secretKey\":\"$media_secret\"}],\"actions\":[\"Read:$S3_BUCKET\",\"List:$S3_BUCKET\",\"Tagging:$S3_BUCKET\",\"Write:$S3_BUCKET\"]}" \
  >"$config"

mkdir -p "$data/master" "$data/volume"
exec "$weed" -logtostderr=true server -ip=127.0.0.1 -ip.bind=127.0.0.1 \
  -dir="$data/volume" -master.dir="$data/master" -volume.max=0 -master.volumeSizeLimitMB=1024 \
  -master.telemetry=false -master.electionTimeout=2s -volume.preStopSeconds=1 \
  -s3 -s3.ip.bind=0.0.0.0 -s3.port=9000 -s3.config="$config" -s3.iam=false \
  -s3.port.iceberg=0 -s3.port.lance=0
