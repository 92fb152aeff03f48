import rule from '../../../../src/lint/rules/consecutive-run.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN a\n\nRUN b\n",
    "FROM debian:12\nRUN a\n# why b is separate\nRUN b\n",
    "FROM debian:12\nRUN a\nRUN --mount=type=cache,target=/x b\n",
  ],
  invalid: [
    { code: "FROM debian:12\nRUN a\nRUN b\nRUN c\n", errors: [{ line: 3, message: /3 RUN instructions/ }] },
  ],
});
