#!/bin/sh
# One-shot (docker-compose.yml's seaweedfs-init): creates the media bucket with the admin key, a
# SigV4-signed PUT (the image's curl signs it). 200: created; 409: it exists already. Idempotent.
set -eu
secrets_dir=${EVENTONIGHT_SECRETS_DIR:-/run/secrets}
endpoint=${S3_INTERNAL_ENDPOINT:-http://seaweedfs:9000}
IFS= read -r admin_secret <"$secrets_dir/s3_admin_secret_key" || true
if [ -z "$admin_secret" ]; then echo "seaweedfs-init: the secret s3_admin_secret_key is empty" >&2; exit 1; fi
# The key pair reaches curl on stdin (-K -), not on its command line.
code=$(printf 'user = "%s:%s"\n' "$S3_ADMIN_ACCESS_KEY" "$admin_secret" |
  curl -sS -K - -o /tmp/answer -w '%{http_code}' --max-time 20 -X PUT \
    --aws-sigv4 "aws:amz:${S3_REGION:-us-east-1}:s3" "$endpoint/$S3_BUCKET") || code=000
case $code in
  200 | 409) echo "seaweedfs-init: bucket $S3_BUCKET ready (HTTP $code)" ;;
  *) echo "seaweedfs-init: could not create the bucket $S3_BUCKET (HTTP $code): $(cat /tmp/answer 2>/dev/null)" >&2; exit 1 ;;
esac
