import rule from '../../../../src/lint/rules/apk-pin-versions.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n",
    "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0\n",
  ],
  invalid: [
    { code: "FROM alpine:3.20\nRUN apk add --no-cache curl git~2.45\n", errors: [{ line: 2, message: /curl/ }] },
  ],
});
