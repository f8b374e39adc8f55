# Build once, run JavaScript: the build stage compiles apps/ and libs/ into dist/ (`npm run build`,
# tools/build/build.ts: with the dashboards, migrations and package.json they read at run time);
# the final stage holds dist/ and the production dependencies only, and runs as the unprivileged
# `node` user.
# One image, two uses: `docker run` starts the all-in-one process on embedded ClickHouse (data in
# /app/data); docker-compose.yml runs collector, analyzer and dashboard from it, each on the
# ClickHouse server named by CLICKHOUSE_URL.

FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY tools ./tools
COPY apps ./apps
COPY libs ./libs
COPY dashboards ./dashboards
COPY migrations ./migrations
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# chdb (embedded ClickHouse) is only loaded when CLICKHOUSE_URL is unset; it stays installed so
# the image can also run the all-in-one process.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force \
  && mkdir /app/data && chown node:node /app/data
COPY --from=build /src/dist ./dist
# `fleetscope …` (the CLI) runs the compiled entry: the image holds no TypeScript sources.
COPY bin ./bin
RUN ln -s /app/bin/fleetscope.js /usr/local/bin/fleetscope
USER node
ENV FLEETSCOPE_HOST=0.0.0.0
# glibc's allocator maps blocks of 64 KiB and more (request bodies, the engine's insert texts) and
# unmaps them when freed, where its moving threshold kept them in the heap (as `npm start`; see
# BENCHMARKS.md, "Peak RSS under ingest overload").
ENV MALLOC_MMAP_THRESHOLD_=65536
# The embedded engine runs each statement on one of libuv's threads, where the ingest log's writes
# (every acknowledgement) run too: with the default four, four slow reads held every sender
# (test/storage/slow-reads.int.spec.ts). Read by libuv when the process starts, as `npm start`.
ENV UV_THREADPOOL_SIZE=16
EXPOSE 4317 4318 8080
VOLUME /app/data
# No curl in slim images: Node's fetch. The collector alone serves no API: docker-compose.yml
# gives it its own check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:${FLEETSCOPE_HTTP_PORT:-8080}/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--enable-source-maps", "--min-semi-space-size=16", "--max-semi-space-size=32", "--heap-growing-percent=100", "dist/apps/fleetscope/src/main.js"]
