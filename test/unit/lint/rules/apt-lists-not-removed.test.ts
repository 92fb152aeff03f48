import rule from '../../../../src/lint/rules/apt-lists-not-removed.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n",
    "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12-slim\n",
  ],
  invalid: [
    { code: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n", errors: [{ line: 2, message: /rm -rf \/var\/lib\/apt\/lists/ }] },
    { code: "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\n", errors: [{ line: 2 }] },
  ],
});
