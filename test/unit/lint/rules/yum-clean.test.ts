import rule from '../../../../src/lint/rules/yum-clean.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM centos:7\nRUN yum install -y httpd && yum clean all\n",
    "FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n",
  ],
  invalid: [
    { code: "FROM centos:7\nRUN yum install -y httpd\n", errors: [{ line: 2, message: /yum clean all/ }] },
  ],
});
