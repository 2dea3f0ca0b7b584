# Production-like image: `docker compose up` (see docker-compose.yml). Untested here (no Docker
# engine on the build machines); kept correct by reading.
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# patch-package applies these on install (postinstall): a postgres.js COPY error fix.
COPY patches ./patches
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts tsconfig*.json ./
COPY src ./src
COPY bench ./bench
COPY bin ./bin
RUN npm ci && npm prune --omit=dev --ignore-scripts

FROM node:20.19-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/bin ./bin
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
