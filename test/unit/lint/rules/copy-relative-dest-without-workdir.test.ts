import rule from '../../../../src/lint/rules/copy-relative-dest-without-workdir.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nWORKDIR /app\nCOPY . .\n",
    "FROM node:20-slim\nCOPY . /app\n",
    "FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY a .\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nCOPY package.json ./\n", errors: [{ line: 2, message: /no WORKDIR/ }] },
  ],
});
