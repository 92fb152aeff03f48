import rule from '../../../../src/lint/rules/shell-via-symlink.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\n",
    "FROM debian:12\nRUN ln -s /usr/bin/python3 /usr/bin/python\n",
  ],
  invalid: [
    { code: "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n", errors: [{ line: 2, message: /SHELL instruction/ }] },
  ],
});
