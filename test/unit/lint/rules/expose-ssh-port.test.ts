import rule from '../../../../src/lint/rules/expose-ssh-port.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nEXPOSE 8080\n",
    "FROM a:1\nEXPOSE 2222\n",
  ],
  invalid: [
    { code: "FROM a:1\nEXPOSE 8080 22\n", errors: [{ line: 2, message: /SSH/ }] },
    { code: "FROM a:1\nEXPOSE 22/tcp\n", errors: [{ line: 2 }] },
  ],
});
