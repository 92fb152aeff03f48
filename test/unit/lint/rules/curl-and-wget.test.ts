import rule from '../../../../src/lint/rules/curl-and-wget.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN curl -O https://x\nRUN curl -O https://y\n",
    "FROM debian:12 AS a\nRUN curl x\nFROM debian:12\nRUN wget y\n",
  ],
  invalid: [
    { code: "FROM debian:12\nRUN wget https://x\nRUN curl -O https://y\n", errors: [{ line: 3, message: /uses curl while line 2 uses wget/ }] },
  ],
});
