# syntax=docker/dockerfile:1
# Loopkit's production image: `npm start` (scripts/server.mjs: Next.js plus the autosave fast path)
# as a non-root user. Multi-stage: dependencies, build, then a runtime with production packages
# only. See README "Deploying: the reference topology" and compose.yaml.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# npm install, not npm ci: the lock is made on Linux without the other platforms' optional
# packages, which npm ci counts as out of sync (see TOOLCHAIN notes).
RUN npm install --no-audit --no-fund

FROM deps AS build
WORKDIR /app
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
# What `npm start` reads at run time: the build, production packages, the server script, the
# migrations and the built-in content it seeds (owned by root, read-only for the app user).
COPY --from=build /app/package.json /app/next.config.mjs ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/db/seed/content ./db/seed/content
COPY --from=build /app/lib/request-limits.json /app/lib/security-headers.json ./lib/
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/server.mjs"]
