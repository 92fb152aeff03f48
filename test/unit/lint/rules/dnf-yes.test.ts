import rule from '../../../../src/lint/rules/dnf-yes.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM fedora:40\nRUN dnf install -y httpd\n",
    "FROM fedora:40\nRUN microdnf install httpd\n",
  ],
  invalid: [
    { code: "FROM fedora:40\nRUN dnf install httpd\n", errors: [{ line: 2, message: /dnf install without -y/ }] },
  ],
});
