import rule from '../../../../src/lint/rules/env-self-reference.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nENV A=1\nENV B=$A\n",
    "FROM a:1\nENV A=1\nENV A=2 B=$A\n",
  ],
  invalid: [
    { code: "FROM a:1\nENV A=1 B=$A/x\n", errors: [{ line: 2, message: /\$A is defined in this same ENV/ }] },
  ],
});
