import rule from '../../../../src/lint/rules/package-manager-in-final.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20 AS build\nRUN npm install -g pnpm@9\nFROM node:20-slim\nUSER node\n",
    "FROM node:20-slim\nRUN npm install -g serve@14\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nRUN corepack enable && pnpm install --prod\n", errors: [{ line: 2, message: /corepack enable/ }] },
    { code: "FROM python:3.11-slim\nRUN pip install poetry==1.8.3\n", errors: [{ line: 2, message: /pip install poetry/ }] },
  ],
});
