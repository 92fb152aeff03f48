import rule from '../../../../src/lint/rules/chpasswd.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM ubuntu:24.04\nRUN chgrp root /etc/passwd\n",
    "FROM ubuntu:24.04\nRUN useradd -r app\n",
  ],
  invalid: [
    { code: "FROM ubuntu:24.04\nRUN echo 'root:root' | chpasswd\n", errors: [{ line: 2, message: /chpasswd/ }] },
    { code: "FROM ubuntu:24.04\nRUN chpasswd < input.txt\n", errors: [{ line: 2 }] },
  ],
});
