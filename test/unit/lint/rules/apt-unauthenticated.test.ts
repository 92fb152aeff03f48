import rule from '../../../../src/lint/rules/apt-unauthenticated.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:bookworm-slim\nRUN apt-get install -y python3\n",
    "FROM debian:bookworm-slim\nRUN apt-get install -y python3 | grep \"--force-yes\"\n",
  ],
  invalid: [
    { code: "FROM debian:bookworm-slim\nRUN apt-get --allow-unauthenticated install -y python3\n", errors: [{ line: 2, message: /allow-unauthenticated/ }] },
    { code: "FROM debian:bookworm-slim\nRUN apt-get install --force-yes python3\n", errors: [{ line: 2, message: /force-yes/ }] },
  ],
});
