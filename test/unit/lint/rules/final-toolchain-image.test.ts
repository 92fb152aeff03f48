import rule from '../../../../src/lint/rules/final-toolchain-image.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nUSER node\n",
    "FROM python:3.11-slim\n",
    "FROM golang:1.23 AS build\nFROM scratch\n",
    "FROM php:8.3-fpm-alpine\n",
  ],
  invalid: [
    { code: "FROM node:20-slim AS build\nRUN npm ci\nFROM node:20\nCOPY --from=build /app /app\n", errors: [{ line: 3, message: /based on node:20/ }] },
    { code: "FROM python:3.11\n", errors: [{ line: 1 }] },
    // php has no -slim tag to point to (QA: the advice named one): the -alpine variant is the one without the build tools.
    { code: "FROM php:8.3-fpm\n", errors: [{ line: 1, message: /use the -alpine variant/ }] },
    { code: "FROM golang:1.23 AS build\nFROM build AS final\n", errors: [{ line: 2 }] },
  ],
});
