import rule from '../../../../src/lint/rules/yum-sslverify-off.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM fedora:40\nRUN yum-config-manager --save --setopt=sslverify=1\n",
    "FROM fedora:40\nRUN yum-config-manager --disable sslverify\n",
    "FROM fedora:40\nRUN yum-config-manager --save --setopt=x=False && echo \"--setopt=sslverify=0\"\n",
  ],
  invalid: [
    { code: "FROM fedora:40\nRUN yum-config-manager --save --setopt=\\*.sslverify=0\n", errors: [{ line: 2, message: /sslverify/ }] },
    { code: "FROM fedora:40\nRUN dnf config-manager --save --setopt=sslverify=false\n", errors: [{ line: 2 }] },
  ],
});
