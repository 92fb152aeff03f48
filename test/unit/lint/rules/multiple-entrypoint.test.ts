import rule from '../../../../src/lint/rules/multiple-entrypoint.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nENTRYPOINT [\"a\"]\n",
  ],
  invalid: [
    { code: "FROM a:1\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n", errors: [{ line: 3, message: /line 2/ }] },
  ],
});
