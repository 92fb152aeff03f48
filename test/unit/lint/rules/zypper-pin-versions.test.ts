import rule from '../../../../src/lint/rules/zypper-pin-versions.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58\n",
  ],
  invalid: [
    { code: "FROM opensuse/leap:15.6\nRUN zypper -n install httpd\n", errors: [{ line: 2, message: /httpd/ }] },
  ],
});
