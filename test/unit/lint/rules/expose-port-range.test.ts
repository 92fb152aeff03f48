import rule from '../../../../src/lint/rules/expose-port-range.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nEXPOSE 80 443/tcp 7000-7010/udp\n",
    "FROM a:1\nEXPOSE $PORT\n",
  ],
  invalid: [
    { code: "FROM a:1\nEXPOSE 65536\n", errors: [{ line: 2, message: /65536/ }] },
    { code: "FROM a:1\nEXPOSE 80/http\n", errors: [{ line: 2 }] },
  ],
});
