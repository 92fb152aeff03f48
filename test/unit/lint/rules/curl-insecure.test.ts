import rule from '../../../../src/lint/rules/curl-insecure.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN curl -fsSL https://example.com\n",
    "FROM alpine:3.20\nRUN curl https://x | grep -k lol\n",
    "FROM alpine:3.20\nRUN curl -lol https://x\n",
  ],
  invalid: [
    { code: "FROM alpine:3.20\nRUN curl -Lkv https://example.com\n", errors: [{ line: 2, message: /curl -k/ }] },
    { code: "FROM alpine:3.20\nRUN echo x && curl \\\n  --insecure https://x\n", errors: [{ line: 2 }] },
  ],
});
