import rule from '../../../../src/lint/rules/dev-dependencies-in-final.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nRUN npm ci --omit=dev\n",
    "FROM node:20-slim\nENV NODE_ENV=production\nRUN npm ci\n",
    "FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nUSER node\n",
    "FROM node:20 AS build\nRUN npm ci && npm run build && npm prune --omit=dev\nFROM node:20-slim\nCOPY --from=build /app/node_modules /app/node_modules\n",
    "FROM python:3.11-slim\nRUN poetry install --only main\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\n", errors: [{ line: 3, message: /omit=dev/ }] },
    { code: "FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20-slim\nCOPY --from=build /app/node_modules /app/node_modules\n", errors: [{ line: 4, message: /node_modules copied from stage "build"/ }] },
    { code: "FROM python:3.11-slim\nRUN uv sync --locked\n", errors: [{ line: 2, message: /uv sync --no-dev/ }] },
  ],
});
