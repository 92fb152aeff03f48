import rule from '../../../../src/lint/rules/apt-dist-upgrade.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:bookworm-slim\nRUN apt-get update && apt-get upgrade -y\n",
  ],
  invalid: [
    { code: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get dist-upgrade -y\n", errors: [{ line: 2, message: /dist-upgrade/ }] },
  ],
});
