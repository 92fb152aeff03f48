import rule from '../../../../src/lint/rules/onbuild-forbidden-trigger.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nONBUILD RUN make\n",
  ],
  invalid: [
    { code: "FROM a:1\nONBUILD FROM b:1\n", errors: [{ line: 2, message: /ONBUILD FROM/ }] },
  ],
});
