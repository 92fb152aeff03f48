import rule from '../../../../src/lint/rules/apt-pin-versions.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:bookworm-slim\nRUN apt-get install -y curl=7.88.1-10+deb12u5\n",
    "FROM debian:bookworm-slim\nRUN apt-get install -y $PACKAGES\n",
  ],
  invalid: [
    { code: "FROM debian:bookworm-slim\nRUN apt-get install -y curl git=1:2.39\n", errors: [{ line: 2, message: /curl/ }] },
  ],
});
