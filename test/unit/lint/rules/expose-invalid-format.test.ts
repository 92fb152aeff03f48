import rule from '../../../../src/lint/rules/expose-invalid-format.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nEXPOSE 8080/tcp 9090\n",
    "FROM a:1\nARG P=80\nEXPOSE $P\n",
  ],
  invalid: [
    { code: "FROM a:1\nEXPOSE 80:8080\n", errors: [{ line: 2, message: /docker run -p/ }] },
  ],
});
