import rule from '../../../../src/lint/rules/dnf-clean.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n",
    "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n",
  ],
  invalid: [
    { code: "FROM fedora:40\nRUN dnf install -y httpd\n", errors: [{ line: 2, message: /dnf clean all/ }] },
    { code: "FROM fedora:40\nRUN microdnf install httpd\n", errors: [{ line: 2 }] },
  ],
});
