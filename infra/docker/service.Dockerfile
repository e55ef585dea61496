# syntax=docker/dockerfile:1
# One image recipe for the six services (and edge-health). Build from the repository root, naming the service and its port:
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=voice-api --build-arg PORT=3004 -t vocalia/voice-api .
# docker-compose.production.yml passes the same two args for each service.
# The context is the repository root, so the root .dockerignore applies (node_modules, dist, .turbo, .git...
# stay out). Keep it that way: BuildKit would prefer a service.Dockerfile.dockerignore beside this file.
# The image runs compiled JavaScript: one esbuild bundle of the service (infra/bundle), its runtime files, and
# only the production packages a bundle cannot inline (argon2, Prisma's schema engine...). Sizes and cold start:
# docs/operations.md.
ARG NODE_IMAGE=node:20-slim
# Directory under services/ (or infra/ for edge-health) and package @vocalia/<SERVICE>, e.g. voice-api. Required.
ARG SERVICE
# The port the service listens on (ENV PORT, EXPOSE, HEALTHCHECK), e.g. 3004. Required.
ARG PORT

FROM ${NODE_IMAGE} AS base
RUN npm install -g pnpm@10.34.9 turbo@2.11.11 && npm cache clean --force
WORKDIR /repo

# Only this service, the workspace packages it depends on, and the bundler.
FROM base AS pruned
ARG SERVICE
ARG PORT
RUN case "${SERVICE}" in ''|*/*) echo "service.Dockerfile: set --build-arg SERVICE=<directory under services/>, e.g. voice-api" >&2; exit 1;; esac \
 && case "${PORT}" in ''|*[!0-9]*) echo "service.Dockerfile: set --build-arg PORT=<number>, e.g. 3004" >&2; exit 1;; esac
COPY . .
RUN test -f "services/${SERVICE}/src/main.ts" || test -f "infra/${SERVICE}/src/main.ts" || { echo "service.Dockerfile: no services/${SERVICE}/src/main.ts" >&2; exit 1; }
RUN turbo prune @vocalia/${SERVICE} @vocalia/bundle --docker

FROM base AS build
ARG SERVICE
COPY --from=pruned /repo/out/json/ ./
RUN pnpm fetch
COPY --from=pruned /repo/out/full/ ./
COPY tsconfig.base.json ./
# Offline from the fetched store; lifecycle scripts (Prisma client generation, the widget build) run now that sources are here.
RUN pnpm install --offline --frozen-lockfile
RUN pnpm turbo run build --filter=@vocalia/${SERVICE}...
# /bundle: main.js (+ source map), the runtime files its packages read, node_modules with production packages only.
RUN pnpm --filter @vocalia/bundle bundle ${SERVICE} --out /bundle

# No sources, no package manager, no devDependencies: the bundle directory on a slim Node.
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT
# Build args do not survive into the container: ENV carries them to HEALTHCHECK.
ENV NODE_ENV=production VOCALIA_SERVICE=${SERVICE} PORT=${PORT}
LABEL org.opencontainers.image.title="vocalia/${SERVICE}"
WORKDIR /app
# realtime speaks the cascaded path's answers with espeak-ng when no speech API is configured.
RUN if [ "${SERVICE}" = realtime ]; then apt-get update && apt-get install -y --no-install-recommends espeak-ng && rm -rf /var/lib/apt/lists/*; fi
# Owned by root, run as node: the process cannot rewrite its own code.
COPY --from=build /bundle ./
USER node
EXPOSE ${PORT}
# HEALTHCHECK flags take no variables: 60s covers db-api's migrations at start; a passing check ends the
# start period early, so faster services are not held back. Compose sets its own timing per service.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1, so SIGTERM reaches it (graceful drain).
# db-api needs no separate migration step: it migrates at start (MIGRATE_ON_START, default true).
CMD ["node", "--enable-source-maps", "main.js"]
