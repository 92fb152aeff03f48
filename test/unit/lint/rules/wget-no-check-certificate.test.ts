import rule from '../../../../src/lint/rules/wget-no-check-certificate.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN wget -q https://example.com\n",
    "FROM alpine:3.20\nRUN wget https://x; grep \"--no-check-certificate\" /etc/passwd\n",
  ],
  invalid: [
    { code: "FROM alpine:3.20\nRUN wget --no-check-certificate https://example.com\n", errors: [{ line: 2, message: /wget --no-check-certificate/ }] },
  ],
});
