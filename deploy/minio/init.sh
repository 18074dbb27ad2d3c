#!/bin/sh
# One-shot (docker-compose.yml's minio-init): creates the bucket and the media service's own user,
# limited to that bucket's objects (read, write, delete; list the bucket). Idempotent: safe on every start.
set -eu
# Shell builtins only: the mc image is minimal. The folder is overridable for tests/deployment.
secrets_dir=${EVENTONIGHT_SECRETS_DIR:-/run/secrets}
IFS= read -r root_password <"$secrets_dir/minio_root_password" || true
IFS= read -r media_secret <"$secrets_dir/media_s3_secret_key" || true
if [ -z "$root_password" ] || [ -z "$media_secret" ]; then echo "minio-init: a secret file is empty" >&2; exit 1; fi
mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$root_password" >/dev/null
mc mb --ignore-existing "local/$S3_BUCKET"
# The bucket's name is a setting, so the policy is written here.
printf '%s' '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":["arn:aws:s3:::'"$S3_BUCKET"'/*"]},{"Effect":"Allow","Action":["s3:GetBucketLocation","s3:ListBucket"],"Resource":["arn:aws:s3:::'"$S3_BUCKET"'"]}]}' >/tmp/media-policy.json
mc admin policy create local eventonight-media /tmp/media-policy.json
mc admin user add local "$MEDIA_S3_ACCESS_KEY" "$media_secret"
mc admin policy attach local eventonight-media --user "$MEDIA_S3_ACCESS_KEY" 2>/dev/null || true
