// The guide's four patterns (shared/seed), linted against the projects they fail on
// (shared/knowledge/seed-review.md): check must name each defect the review found on a real engine.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/lint/linter.js';
import { memoryBuildContext } from '../../../src/lint/context.js';

const NODE = `FROM node:20-alpine AS deps
WORKDIR /app
COPY package*.json ./
RUN npm ci
FROM node:20-alpine AS builder
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build
FROM node:20-alpine AS runner
WORKDIR /app
ENV NODE_ENV=production
COPY --from=builder /app/dist ./dist
COPY --from=builder /app/package.json ./
RUN npm ci --only=production
USER node
CMD ["node", "dist/server.js"]
`;

const GO = `FROM golang:1.23-alpine AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /app/myapp ./cmd/myapp
FROM gcr.io/distroless/static-debian12
COPY --from=builder /app/myapp /myapp
USER nonroot:nonroot
ENTRYPOINT ["/myapp"]
`;

const PYTHON = `FROM python:3.12-slim AS builder
WORKDIR /app
RUN pip install --user --no-cache-dir poetry
COPY pyproject.toml poetry.lock ./
RUN poetry export -f requirements.txt --output requirements.txt
RUN pip install --user --no-cache-dir -r requirements.txt
FROM python:3.12-slim AS runner
ENV PATH=/root/.local/bin:$PATH
COPY --from=builder /root/.local /root/.local
COPY . /app
WORKDIR /app
USER 1000
CMD ["python", "-m", "uvicorn", "main:app", "--host", "0.0.0.0"]
`;

const BUN = `FROM oven/bun:1 AS builder
WORKDIR /app
COPY package.json bun.lockb ./
RUN bun install --frozen-lockfile
COPY . .
RUN bun build src/index.ts --target=bun --outdir ./dist
FROM oven/bun:1-slim AS runner
WORKDIR /app
COPY --from=builder /app/dist ./dist
COPY --from=builder /app/node_modules ./node_modules
USER bun
CMD ["bun", "run", "dist/index.js"]
`;

function ruleIds(text: string, files: Record<string, string>): Set<string> {
  const { findings } = lintText(text, 'Dockerfile', { buildContext: memoryBuildContext({ Dockerfile: text, ...files }) });
  return new Set(findings.map((f) => f.ruleId));
}

function expectRules(found: Set<string>, expected: string[]): void {
  const missing = expected.filter((id) => !found.has(id));
  assert.deepEqual(missing, [], `missing ${missing.join(', ')}; found ${[...found].join(', ')}`);
}

describe("the guide's patterns on the projects they fail on", () => {
  it('Node.js: npm ci without the lockfile in the runner, --only=production, the npm cache left in the final stage, no .dockerignore', () => {
    const found = ruleIds(NODE, { 'package.json': '{"name":"app","scripts":{"build":"tsc"}}', 'package-lock.json': '{"lockfileVersion":3}', 'src/server.ts': '' });
    expectRules(found, ['frozen-install-without-lockfile', 'npm-only-production', 'npm-cache-clean', 'dockerignore-missing']);
  });

  it('Go: COPY go.sum when the module has none', () => {
    const found = ruleIds(GO, { 'go.mod': 'module example.com/x\n\ngo 1.23\n', 'cmd/myapp/main.go': 'package main\nfunc main() {}\n', '.dockerignore': '.git\n' });
    expectRules(found, ['copy-source-missing']);
  });

  it('Python: packages in /root/.local used by a non-root user', () => {
    const found = ruleIds(PYTHON, { 'pyproject.toml': '[tool.poetry]\nname = "x"\n', 'poetry.lock': '', 'main.py': '', '.dockerignore': '.git\n**/.env\n' });
    expectRules(found, ['python-user-site-root']);
  });

  it('Bun: bun.lockb copied when the project has the text bun.lock, dev dependencies shipped in node_modules', () => {
    const found = ruleIds(BUN, { 'package.json': '{"name":"app","devDependencies":{"typescript":"^5"}}', 'bun.lock': '{}', 'src/index.ts': '', '.dockerignore': '.git\n**/node_modules\n' });
    expectRules(found, ['copy-source-missing', 'dev-dependencies-in-final']);
  });
});
