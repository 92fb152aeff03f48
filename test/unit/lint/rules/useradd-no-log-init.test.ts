import rule from '../../../../src/lint/rules/useradd-no-log-init.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN useradd -l -u 1000001 app\n",
    "FROM debian:12\nRUN useradd -u 1000 app\n",
  ],
  invalid: [
    { code: "FROM debian:12\nRUN useradd -u 1000001 app\n", errors: [{ line: 2, message: /add -l/ }] },
  ],
});
