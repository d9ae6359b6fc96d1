# syntax=docker/dockerfile:1
#
# Zhenxing (振兴) production image.
#   docker build -t zhenxing .
#   docker run -d --name zhenxing -p 3000:3000 -v zhenxing-data:/data \
#     -e SLACK_BOT_TOKEN=xoxb-… -e SLACK_SIGNING_SECRET=… zhenxing
#
# Stages: `toolchain` (node + python3/make/g++ for nodejieba's native addon) → `build` (dev dependencies, tsc → dist/)
# and `deps` (production dependencies only, nodejieba compiled) → `runtime` (slim, no toolchain, non-root).
# scripts/docker-smoke.sh performs the same steps outside Docker; CI runs it, so keep the two in step.

ARG NODE_BUILD_IMAGE=node:20-bookworm
ARG NODE_RUNTIME_IMAGE=node:20-bookworm-slim

FROM ${NODE_BUILD_IMAGE} AS toolchain
# node:20-bookworm already ships these; installing them explicitly keeps the recipe honest if the base changes.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
WORKDIR /app

# ---- build: all dependencies, compile TypeScript ------------------------------------------------------------------
FROM toolchain AS build
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would run tsc before the sources are copied, and tsc does not need nodejieba's addon.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# ---- deps: production dependencies only, native addon compiled with the toolchain ---------------------------------
FROM toolchain AS deps
COPY package.json package-lock.json ./
# --ignore-scripts: with --omit=dev there is no typescript, so the `prepare` (tsc) step would fail. That also skips
# nodejieba's install script, so compile it explicitly with the node-pre-gyp installed beside it (its own 1.x copy,
# nested under node_modules/nodejieba because the project itself depends on 2.x). Calling it with `npm exec --no`
# instead of nodejieba's `npx @mapbox/node-pre-gyp` means nothing is ever fetched from the registry here.
RUN npm ci --omit=dev --ignore-scripts \
 && cd node_modules/nodejieba \
 && npm exec --no -- node-pre-gyp install --build-from-source \
 && rm -rf build/Release/obj.target build/Release/.deps \
 && cd /app \
 && node -e "require('nodejieba').cut('乡村振兴')" \
 && npm cache clean --force

# ---- runtime: slim image, production dependencies and the built output only -----------------------------------------
FROM ${NODE_RUNTIME_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
# Application files stay owned by root and read-only for the app user; only DATA_DIR is writable.
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY seeds ./seeds
# Dictionary glosses for English queries (CC-CEDICT, CC BY-SA 4.0; scripts/build-glosses.mjs).
COPY lexicon ./lexicon
RUN mkdir -p /data && chown node:node /data
USER node
# Subscriptions and the record of sent digests live here; mount a volume so they survive restarts.
VOLUME ["/data"]
EXPOSE 3000
# Node's built-in fetch: the slim image has no curl. start-period covers loading the jieba dictionary (~1–2 s) and
# the search index.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1 (not npm, which does not forward signals): SIGTERM reaches the app's graceful shutdown
# (scheduler stopped, in-flight requests finished, state flushed, exit 0).
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
