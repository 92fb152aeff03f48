import rule from '../../../../src/lint/rules/apt-no-install-recommends.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends curl\n",
    "FROM debian:bookworm-slim\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n",
    "FROM debian:12 AS build\nRUN apt-get install -y build-essential\nFROM debian:12-slim\nUSER 1000\n",
  ],
  invalid: [
    { code: "FROM debian:bookworm-slim\nRUN apt-get install -y curl\n", errors: [{ line: 2, message: /no-install-recommends/ }] },
  ],
});
