import rule from '../../../../src/lint/rules/yum-pin-versions.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM centos:7\nRUN yum install -y httpd-2.4.6\n",
  ],
  invalid: [
    { code: "FROM centos:7\nRUN yum install -y httpd\n", errors: [{ line: 2, message: /httpd/ }] },
  ],
});
