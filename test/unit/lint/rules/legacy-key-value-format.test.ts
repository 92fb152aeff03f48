import rule from '../../../../src/lint/rules/legacy-key-value-format.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nENV A=1 B=2\n",
    "FROM a:1\nLABEL a=b\n",
    "FROM a:1\nENV A\n",
  ],
  invalid: [
    { code: "FROM a:1\nENV NODE_ENV production\n", errors: [{ line: 2, message: /ENV NODE_ENV=value/ }], output: "FROM a:1\nENV NODE_ENV=production\n" },
    { code: "FROM a:1\nENV GREETING hello world\n", errors: [{ line: 2 }], output: "FROM a:1\nENV GREETING=\"hello world\"\n" },
  ],
});
