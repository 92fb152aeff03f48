import rule from '../../../../src/lint/rules/expose-proto-casing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nEXPOSE 80/tcp\n",
  ],
  invalid: [
    { code: "FROM a:1\nEXPOSE 80/TCP 53/Udp\n", errors: [{ line: 2, message: /lower case/ }], output: "FROM a:1\nEXPOSE 80/tcp 53/udp\n" },
  ],
});
