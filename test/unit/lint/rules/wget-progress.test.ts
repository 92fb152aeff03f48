import rule from '../../../../src/lint/rules/wget-progress.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN wget -q https://x\n",
    "FROM debian:12\nRUN wget --progress=dot:giga https://x\n",
  ],
  invalid: [
    { code: "FROM debian:12\nRUN wget https://x\n", errors: [{ line: 2, message: /progress/ }] },
  ],
});
