import rule from '../../../../src/lint/rules/from-as-casing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1 AS b\n",
    "from a:1 as b\n",
  ],
  invalid: [
    { code: "FROM a:1 as b\n", errors: [{ line: 1, message: /write AS/ }], output: "FROM a:1 AS b\n" },
    { code: "from a:1 AS b\n", errors: [{ line: 1 }], output: "from a:1 as b\n" },
  ],
});
