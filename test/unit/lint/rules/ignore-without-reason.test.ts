import rule from '../../../../src/lint/rules/ignore-without-reason.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\n# stagecraft-ignore run-cd -- vendored script\nRUN cd /x && make\n",
    "FROM a:1\n# hadolint ignore=DL3003\nRUN cd /x\n",
  ],
  invalid: [
    { code: "FROM a:1\n# stagecraft-ignore run-cd\nRUN cd /x && make\n", errors: [{ line: 2, message: /without a reason/ }] },
    { code: "# stagecraft-ignore-file run-cd --\nFROM a:1\n", errors: [{ line: 1 }] },
  ],
});
