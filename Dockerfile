# syntax=docker/dockerfile:1
# One image for the API and the worker:
#   docker run … image                 → API   (node dist/server/main.js)
#   docker run … image node dist/workers/main.js → worker
# Production needs MONGODB_URI, REDIS_URL, SMTP_URL, JWT_SECRET and BID_ENCRYPTION_KEY.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The build comes once the sources are here (below): `prepare` would build at install.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY web ./web
COPY server ./server
COPY workers ./workers
COPY schemas ./schemas
COPY templates ./templates
COPY test ./test
COPY scripts ./scripts
COPY bench ./bench
# The API, the workers and the web console (served at /), then only what runs. The image talks to
# the MongoDB of MONGODB_URI: no embedded database is built.
RUN node scripts/build.mjs --without-database && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/templates ./templates
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/server/main.js"]
