import rule from '../../../../src/lint/rules/zypper-dist-upgrade.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n update\n",
  ],
  invalid: [
    { code: "FROM opensuse/leap:15.6\nRUN zypper -n dup\n", errors: [{ line: 2, message: /dist-upgrade/ }] },
  ],
});
