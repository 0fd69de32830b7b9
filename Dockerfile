# Production image, after Shopify's app template: build once, then at start apply
# migrations and serve (`npm run docker-start` = `npm run setup && npm run start`).
# Needs DATABASE_URL (PostgreSQL) and the SHOPIFY_* variables at run time (README).
FROM node:22-bookworm-slim

WORKDIR /app
EXPOSE 3000

# Dependencies first (cached while only sources change). Dev dependencies stay:
# `npm run setup` runs the Prisma CLI (offline JS schema engine) and tsx at start.
# The postinstall generates the Prisma client, so the schema and config come along.
COPY package.json package-lock.json ./
COPY simulator/package.json simulator/
COPY prisma.config.ts ./
COPY prisma prisma
RUN npm ci --no-audit --no-fund && npm cache clean --force

COPY . .
RUN npm run build

ENV NODE_ENV=production
ENV PORT=3000
CMD ["npm", "run", "docker-start"]
