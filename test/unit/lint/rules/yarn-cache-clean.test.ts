import rule from '../../../../src/lint/rules/yarn-cache-clean.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
    "FROM node:20-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n",
    "FROM node:20 AS build\nRUN yarn install\nFROM node:20-slim\nUSER node\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nRUN yarn install --frozen-lockfile\n", errors: [{ line: 2, message: /yarn cache clean/ }] },
  ],
});
