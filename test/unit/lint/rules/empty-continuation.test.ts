import rule from '../../../../src/lint/rules/empty-continuation.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nRUN a \\\n  && b\n",
    "FROM a:1\nRUN a \\\n  # comment\n  && b\n",
  ],
  invalid: [
    { code: "FROM a:1\nRUN a \\\n\n  && b\n", errors: [{ line: 3, message: /empty line/ }], output: "FROM a:1\nRUN a \\\n  && b\n" },
  ],
});
