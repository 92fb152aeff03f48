import rule from '../../../../src/lint/rules/reserved-stage-name.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1 AS build\n",
  ],
  invalid: [
    { code: "FROM a:1 AS context\n", errors: [{ line: 1, message: /reserved/ }] },
    { code: "FROM a:1 AS Scratch\n", errors: [{ line: 1 }] },
  ],
});
