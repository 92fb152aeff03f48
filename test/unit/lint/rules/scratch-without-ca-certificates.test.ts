import rule from '../../../../src/lint/rules/scratch-without-ca-certificates.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /app /app\n",
    "FROM scratch\n",
    "FROM gcr.io/distroless/static-debian12\nCOPY --from=b /app /app\n",
  ],
  invalid: [
    { code: "FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /app /app\n", errors: [{ line: 2, message: /CA certificates/ }] },
  ],
});
