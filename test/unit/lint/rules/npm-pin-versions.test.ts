import rule from '../../../../src/lint/rules/npm-pin-versions.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nRUN npm install -g typescript@5.6.3\n",
    "FROM node:20-slim\nRUN npm ci\n",
    "FROM node:20-slim\nRUN npm install @scope/pkg@1.2.3\n",
    "FROM node:20-slim\nRUN npm install\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nRUN npm install -g typescript @scope/x\n", errors: [{ line: 2, message: /typescript, @scope\/x/ }] },
  ],
});
