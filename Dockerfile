# syntax=docker/dockerfile:1
# vpc-atlas as a container: Next.js's standalone server in a small image, in the style of Next.js's
# with-docker example (multi-stage, non-root, standalone output).
#
#   docker build -t vpc-atlas .
#   docker run -p 3000:3000 -v vpc-atlas-data:/data \
#     -e ATLAS_AUTH=proxy -e ATLAS_EDITORS=alice@example.com vpc-atlas
#
# AWS credentials come from the SDK's chain: an ECS task role or EKS Pod Identity (see the README),
# never baked into the image.

FROM node:20-slim AS base

# Dependencies, with what better-sqlite3 needs to compile when no prebuilt binary fits.
FROM base AS deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# The build: writes .next/standalone (server.js and only the node_modules it needs) and .next/static.
FROM base AS builder
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build

# The image that runs: the standalone server, its static files and public/, as an unprivileged user.
FROM base AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
RUN groupadd --system --gid 1001 nodejs \
  && useradd --system --uid 1001 --gid nodejs nextjs \
  && mkdir /data \
  && chown nextjs:nodejs /data
COPY --from=builder /app/public ./public
COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./
COPY --from=builder --chown=nextjs:nodejs /app/.next/static ./.next/static
USER nextjs
# Fixture-mode changes, and snapshots and the audit log (unless ATLAS_DATABASE_URL names PostgreSQL), live in ATLAS_DATA_DIR: mount a volume there.
ENV PORT=3000 \
    HOSTNAME=0.0.0.0 \
    ATLAS_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
