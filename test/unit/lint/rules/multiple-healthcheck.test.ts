import rule from '../../../../src/lint/rules/multiple-healthcheck.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nHEALTHCHECK CMD [\"a\"]\n",
  ],
  invalid: [
    { code: "FROM a:1\nHEALTHCHECK CMD [\"a\"]\nHEALTHCHECK NONE\n", errors: [{ line: 3, message: /line 2/ }] },
  ],
});
