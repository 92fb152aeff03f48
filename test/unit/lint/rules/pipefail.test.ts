import rule from '../../../../src/lint/rules/pipefail.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x | tar -xz\n",
    "FROM debian:12\nRUN set -o pipefail && curl https://x | sh\n",
    "FROM debian:12\nRUN curl -o x https://x\n",
    "FROM debian:12\nRUN echo \"a|b\"\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN a | b\n",
  ],
  invalid: [
    { code: "FROM debian:12\nRUN curl -fsSL https://x | tar -xz\n", errors: [{ line: 2, message: /pipefail/ }] },
  ],
});
