import rule from '../../../../src/lint/rules/frozen-install-without-lockfile.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
    'FROM node:20\nRUN --mount=type=bind,source=package-lock.json,target=package-lock.json npm ci\n',
    { code: 'FROM node:20\nCOPY . .\nRUN npm ci\n', context: { 'package.json': '{}', 'package-lock.json': '{}' } },
    // the lockfile came with the parent stage; the context (not knowing it) does not matter
    // a folder (or a glob) from another stage may carry the lockfile: no guess
    'FROM node:20 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nFROM node:20\nCOPY --from=build /app ./\nRUN npm ci\n',
    'FROM node:20 AS build\nFROM node:20\nCOPY --from=build /app/package.json /app/package-lock.json ./\nRUN npm ci --omit=dev\n',
    { code: 'FROM python:3.12-slim AS deps\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nFROM deps AS build\nCOPY . .\nRUN uv sync --frozen\n', context: { 'pyproject.toml': '' } },
  ],
  invalid: [
    // the guide's runner stage: package.json alone from the build stage, then npm ci
    { code: 'FROM node:20-alpine AS builder\nWORKDIR /app\nFROM node:20-alpine AS runner\nCOPY --from=builder /app/package.json ./\nRUN npm ci --only=production\n', errors: [{ line: 5, message: /package-lock.json/ }] },
    { code: 'FROM node:20\nCOPY package.json ./\nRUN npm ci\n', errors: [{ line: 3, message: /`npm ci` needs a lockfile/ }] },
    { code: 'FROM node:20\nCOPY package.json ./\nRUN pnpm install --frozen-lockfile\n', errors: [{ line: 3, message: /pnpm-lock.yaml/ }] },
    { code: 'FROM node:20\nCOPY . .\nRUN npm ci\n', context: { 'package.json': '{}', 'package-lock.json': '{}', '.dockerignore': 'package-lock.json\n' }, errors: [{ line: 3 }] },
  ],
});
