import rule from '../../../../src/lint/rules/yum-yes.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM centos:7\nRUN yum install -y httpd\n",
    "FROM centos:7\nRUN yum makecache\n",
  ],
  invalid: [
    { code: "FROM centos:7\nRUN yum install httpd\n", errors: [{ line: 2, message: /yum install without -y/ }] },
  ],
});
