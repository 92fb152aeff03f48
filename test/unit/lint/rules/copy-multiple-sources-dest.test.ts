import rule from '../../../../src/lint/rules/copy-multiple-sources-dest.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nCOPY a b /app/\n",
    "FROM node:20-slim\nCOPY a /app\n",
    "FROM node:20-slim\nWORKDIR /app\nCOPY a b .\n",
    "FROM node:20-slim\nCOPY [\"a\", \"b\", \"/app/\"]\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nCOPY package.json package-lock.json /app\n", errors: [{ line: 2, message: /"\/app\/"/ }] },
    { code: "FROM node:20-slim\nADD a b c\n", errors: [{ line: 2 }] },
  ],
});
