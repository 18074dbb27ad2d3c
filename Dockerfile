# syntax=docker/dockerfile:1
# One image recipe for the seven services:
#   docker build --build-arg SERVICE=ticketing --build-arg PORT=3005 -t eventonight/ticketing .
# SERVICE is one of user, event, interaction, chat, ticketing, notification, media.
# `--target seed` builds the demo-data loader from seed/ instead; `--target web` the web app's
# static server (nginx-unprivileged); `--target backup` the backup tool (scripts/backup, ADR 0017);
# the default target is `runtime`.

# Every base image is a build argument whose default is the production image (npm run prod:local
# passes local stand-ins built from Debian packages: no registry is reachable there).
ARG NODE_IMAGE=node:24.22.3-bookworm-slim
# 1.30 is nginx's stable line in 2026 (1.27 was mainline, unsupported since 1.28); ADR 0015 lists the evidence.
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.30.6-alpine-slim

# ---- manifests: the lock file and every workspace's package.json, nothing else ----
# npm ci checks the lock file against every workspace manifest, so each install needs all of them;
# the stages below take them from here (and their install layers stay cached until one changes).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
# npm's package cache, when the build context has one: npm run prod:local puts it in .npm-cache/
# (git-ignored) because its builds reach no registry. In production the folder is absent, the glob
# matches nothing (package.json keeps the instruction valid) and npm ci downloads as usual.
# Only build stages derive from this one: no final image carries the cache.
COPY package.json .npm-cach[e] /tmp/npm-cache/
ENV npm_config_cache=/tmp/npm-cache npm_config_prefer_offline=true
COPY package.json package-lock.json ./
COPY packages/contracts/package.json packages/contracts/
COPY packages/platform/package.json packages/platform/
COPY packages/testing/package.json packages/testing/
COPY services/user/package.json services/user/
COPY services/event/package.json services/event/
COPY services/interaction/package.json services/interaction/
COPY services/chat/package.json services/chat/
COPY services/ticketing/package.json services/ticketing/
COPY services/notification/package.json services/notification/
COPY services/media/package.json services/media/
COPY seed/package.json seed/
COPY web/package.json web/

# ---- seed: the idempotent demo-data loader (seed/, an npm workspace with a build script) ----
# Built only with `--target seed` (compose's seed profile); it calls the services' APIs, runs once
# and exits. Kept before `runtime` so that a plain `docker build` still produces a service image.
FROM manifests AS seed-build
ENV TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 NPM_CONFIG_UPDATE_NOTIFIER=false
COPY tsconfig.base.json turbo.json ./
COPY packages/ packages/
COPY services/ services/
COPY seed/ seed/
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npx turbo run build --filter=./seed... --output-logs=errors-only

FROM ${NODE_IMAGE} AS seed
WORKDIR /app
COPY --from=seed-build /app/ ./
USER node
WORKDIR /app/seed
CMD ["node", "dist/main.js"]

# ---- web: the single-page app built, then served by an unprivileged nginx ----
# Only dist/ and the nginx config go in: web/server (local proxy, checkout stand-in) never does.
FROM manifests AS web-build
ENV TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 NPM_CONFIG_UPDATE_NOTIFIER=false
COPY tsconfig.base.json turbo.json ./
COPY packages/ packages/
COPY services/ services/
COPY seed/ seed/
COPY web/ web/
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npx turbo run build --filter=@eventonight/web --output-logs=errors-only

FROM ${NGINX_IMAGE} AS web
# The image's entrypoint fills the template into a writable place (the root is read-only).
ENV NGINX_ENVSUBST_OUTPUT_DIR=/tmp/nginx NGINX_ENVSUBST_FILTER=DOMAIN
COPY web/deploy/nginx.conf /etc/nginx/nginx.conf
COPY web/deploy/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=web-build /app/web/dist /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]

# ---- backup: the backup tool of scripts/backup (ADR 0017), for compose's one-shot `backup` ----
# The same TypeScript the local scripts and the tests run, compiled to JS; at run time it needs only
# the MongoDB driver and the S3 client, i.e. the media service's production dependencies.
FROM manifests AS backup-build
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY scripts/backup/ scripts/backup/
RUN npx tsc -p scripts/backup/tsconfig.json --outDir /app/backup-dist

FROM manifests AS backup-deps
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace=@eventonight/media-service

FROM ${NODE_IMAGE} AS backup
ENV NODE_ENV=production NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY --from=backup-deps /app/ ./
# /app/package.json says "type": "module": the compiled files are ES modules, as in the repository.
COPY --from=backup-build /app/backup-dist backup/
USER node
ENTRYPOINT ["node", "/app/backup/cli.js"]

# ---- 1. build: every dependency, compile the service and the packages it uses ----
# The stages that need SERVICE come last: a builder without BuildKit builds every stage before
# the target, so `--target web`, `seed` or `backup` must not pass through one that requires it.
FROM manifests AS build
ENV TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 NPM_CONFIG_UPDATE_NOTIFIER=false
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json turbo.json ./
COPY packages/ packages/
COPY services/ services/
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "build arg SERVICE is required (user|event|interaction|chat|ticketing|notification|media)" >&2; exit 1; } \
 && test -f "services/${SERVICE}/package.json" || { echo "unknown SERVICE=${SERVICE}" >&2; exit 1; } \
 && npx turbo run build --filter="@eventonight/${SERVICE}-service..." --output-logs=errors-only

# ---- 2. runtime: production dependencies of this one service, compiled JS only ----
FROM manifests AS runtime-deps
ARG SERVICE
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace="@eventonight/${SERVICE}-service"

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT=3000
ENV NODE_ENV=production SERVICE=${SERVICE} PORT=${PORT} NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
# Every workspace manifest and the lock file, and this service's production dependencies.
COPY --from=runtime-deps /app/ ./
# Packages are consumed through their dist (their "exports" point there).
COPY --from=build /app/packages/contracts/dist packages/contracts/dist
COPY --from=build /app/packages/platform/dist packages/platform/dist
COPY --from=build /app/services/${SERVICE}/dist services/${SERVICE}/dist
USER node
WORKDIR /app/services/${SERVICE}
EXPOSE ${PORT}
# Liveness only (/ready also checks Mongo and RabbitMQ); slim has no curl, node has fetch.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form, no shell: node is PID 1 and receives SIGTERM for the graceful drain.
CMD ["node", "dist/main.js"]
