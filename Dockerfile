# One image per service: docker build --build-arg SERVICE=ingest .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG SERVICE
RUN npx nx build "$SERVICE" --outputStyle=static && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production TZ=UTC
# The services' V8 flags, as SERVICE_NODE_FLAGS in libs/testing gives them to local runs, tests and
# benchmarks: the heap cap, and room to grow between full collections (NODE_OPTIONS refuses that one).
ENV NODE_FLAGS="--max-old-space-size=192 --heap-growing-percent=100"
WORKDIR /app
ARG SERVICE
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/services/${SERVICE} ./dist
ENV ENTRY=dist/services/${SERVICE}/src/main.js
USER node
# A container's hostname is its identity in its consumer groups unless KAFKA_GROUP_INSTANCE_ID says
# otherwise (empty: none): one restarted after a crash keeps its hostname and takes its old
# member's place at once, and replicas of a scaled service each have their own.
CMD ["sh", "-c", "exec env KAFKA_GROUP_INSTANCE_ID=\"${KAFKA_GROUP_INSTANCE_ID-$HOSTNAME}\" node $NODE_FLAGS \"$ENTRY\""]
