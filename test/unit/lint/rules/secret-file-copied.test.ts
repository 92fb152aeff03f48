import rule from '../../../../src/lint/rules/secret-file-copied.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nCOPY .env.example /app/.env.example\n",
    "FROM node:20-slim\nCOPY public.pem /app/\n",
    "FROM node:20-slim\nCOPY --from=build /app/.env /x\n",
    "FROM node:20-slim\nCOPY id_rsa.pub /root/.ssh/\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nCOPY .env /app/.env\n", errors: [{ line: 2, message: /.env looks like a secret/ }] },
    { code: "FROM node:20-slim\nCOPY config/server.key /etc/ssl/\n", errors: [{ line: 2 }] },
    { code: "FROM node:20-slim\nCOPY .npmrc package.json ./\n", errors: [{ line: 2 }] },
  ],
});
