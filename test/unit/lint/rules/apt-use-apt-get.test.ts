import rule from '../../../../src/lint/rules/apt-use-apt-get.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:bookworm-slim\nRUN apt-get install -y curl\n",
    "FROM debian:bookworm-slim\nRUN echo apt install x\n",
  ],
  invalid: [
    { code: "FROM debian:bookworm-slim\nRUN apt update && apt install -y curl\n", errors: [{ line: 2, message: /apt-get update/ }], output: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n" },
    { code: "FROM debian:bookworm-slim\nRUN apt list --installed\n", errors: [{ line: 2 }] },
  ],
});
