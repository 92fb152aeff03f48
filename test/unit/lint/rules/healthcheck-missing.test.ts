import rule from '../../../../src/lint/rules/healthcheck-missing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nHEALTHCHECK NONE\n",
    "FROM a:1 AS b\nHEALTHCHECK CMD [\"x\"]\nFROM b\n",
  ],
  invalid: [
    { code: "FROM a:1 AS build\nHEALTHCHECK CMD [\"x\"]\nFROM b:1\n", errors: [{ line: 3, message: /no HEALTHCHECK/ }] },
  ],
});
