import rule from '../../../../src/lint/rules/multiple-cmd.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nCMD [\"a\"]\nFROM b:1\nCMD [\"b\"]\n",
  ],
  invalid: [
    { code: "FROM a:1\nCMD [\"a\"]\nCMD [\"b\"]\n", errors: [{ line: 3, message: /line 2/ }] },
  ],
});
