import rule from '../../../../src/lint/rules/npm-cache-clean.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\n",
    "FROM node:20-slim\nRUN npm ci --omit=dev && npm cache clean --force\n",
    "FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nUSER node\n",
    "FROM node:20-slim\nRUN npm run build\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n", errors: [{ line: 3, message: /npm cache clean --force/ }] },
    { code: "FROM node:20-slim\nRUN npm install -g serve@14\n", errors: [{ line: 2 }] },
  ],
});
