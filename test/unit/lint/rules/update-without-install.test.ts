import rule from '../../../../src/lint/rules/update-without-install.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n",
    "FROM alpine:3.20\nRUN apk update && apk upgrade\n",
    "FROM debian:trixie\nRUN <<EOF\napt-get update\napt-get install -y gettext\nEOF\n",
  ],
  invalid: [
    { code: "FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl\n", errors: [{ line: 2, message: /apt-get update/ }] },
    { code: "FROM alpine:3.20\nRUN apk update\n", errors: [{ line: 2 }] },
  ],
});
