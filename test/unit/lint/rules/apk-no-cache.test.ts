import rule from '../../../../src/lint/rules/apk-no-cache.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n",
    "FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n",
    "FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM alpine:3.20\nUSER 1\n",
  ],
  invalid: [
    { code: "FROM alpine:3.20\nRUN apk --update add curl\n", errors: [{ line: 2, message: /no-cache/ }] },
  ],
});
