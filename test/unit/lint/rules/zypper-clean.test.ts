import rule from '../../../../src/lint/rules/zypper-clean.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd && zypper clean\n",
  ],
  invalid: [
    { code: "FROM opensuse/leap:15.6\nRUN zypper -n install httpd\n", errors: [{ line: 2, message: /zypper clean/ }] },
  ],
});
