FROM node:20-slim AS deps
WORKDIR /app
COPY package.json ./
RUN echo installing && echo boom >&2 && exit 3 && mkdir -p node_modules && echo x > node_modules/a

FROM node:20-slim AS runtime
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY server.js ./
USER 1000
CMD ["node", "server.js"]
