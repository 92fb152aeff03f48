import rule from '../../../../src/lint/rules/rpm-signature-check-disabled.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM fedora:40\nRUN dnf install -y python3\n",
    "FROM fedora:40\nRUN rpm -i python3.rpm && rpm -V python3\n",
    "FROM fedora:40\nRUN rpm -i x.rpm ; echo \"--nodigest\"\n",
  ],
  invalid: [
    { code: "FROM fedora:40\nRUN dnf --nogpgcheck install -y python3\n", errors: [{ line: 2, message: /dnf --nogpgcheck/ }] },
    { code: "FROM fedora:40\nRUN rpm -i --nosignature python3.rpm\n", errors: [{ line: 2, message: /rpm --nosignature/ }] },
    { code: "FROM photon:5.0\nRUN tdnf install -y x --nogpgcheck\n", errors: [{ line: 2 }] },
  ],
});
