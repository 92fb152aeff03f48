import rule from '../../../../src/lint/rules/zypper-yes.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd\n",
    "FROM opensuse/leap:15.6\nRUN zypper install -y httpd\n",
  ],
  invalid: [
    { code: "FROM opensuse/leap:15.6\nRUN zypper install httpd\n", errors: [{ line: 2, message: /zypper install without/ }] },
  ],
});
