# One image, three processes: docker-compose.yml runs collector, analyzer and dashboard from it,
# each on the ClickHouse server named by CLICKHOUSE_URL.
FROM node:20.19-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# chdb (embedded ClickHouse) is only loaded when CLICKHOUSE_URL is unset; it stays installed so
# the image can also run the all-in-one process.
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY tsconfig.base.json tsconfig.json ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
COPY dashboards ./dashboards
USER node
ENV FLEETSCOPE_HOST=0.0.0.0
EXPOSE 4317 4318 8080
CMD ["npm", "start"]
