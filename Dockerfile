# Referral Desk's image: compiled in a build stage, run from a stage with the production
# dependencies and the compiled bot only (not the local Partner Center simulator, the tests
# or the TypeScript sources).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY cards ./cards
COPY tools ./tools
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# The compiled bot and cards, with the card templates and default settings files beside them.
COPY --from=build /app/dist/bot ./dist/bot
COPY --from=build /app/dist/cards ./dist/cards
COPY --from=build /app/dist/.built ./dist/.built
COPY tools/start.js ./tools/start.js
# `npm start` starts the build as it is while its stamp is not older than package.json, which
# this stage copied after the build; stamp it now, as the build and package.json belong together.
# .data: where the embedded table store writes when no storage account is configured.
RUN touch dist/.built && mkdir .data && chown node:node .data
USER node
EXPOSE 3978
# /healthz answers 200 once storage answers (Container Apps uses its own probes; this one is for
# other hosts). No curl in a slim image: Node's fetch asks; a refused connection exits with 1 too.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", \
    "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1))"]
CMD ["node", "tools/start.js"]
