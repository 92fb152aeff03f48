import rule from '../../../../src/lint/rules/dnf-pin-versions.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n",
  ],
  invalid: [
    { code: "FROM fedora:40\nRUN dnf install -y httpd\n", errors: [{ line: 2, message: /httpd/ }] },
  ],
});
