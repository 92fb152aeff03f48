import rule from '../../../../src/lint/rules/apk-allow-untrusted.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    "FROM alpine:3.20\nRUN apk upgrade && echo \"--allow-untrusted\"\n",
  ],
  invalid: [
    { code: "FROM alpine:3.20\nRUN apk \\\n    add python3 \\\n    --allow-untrusted\n", errors: [{ line: 2, message: /allow-untrusted/ }] },
  ],
});
