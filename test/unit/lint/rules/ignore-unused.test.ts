import rule from '../../../../src/lint/rules/ignore-unused.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: 'FROM a:1\n# stagecraft-ignore run-cd -- vendored\nRUN cd /x && make\n', also: ['run-cd'] },
    { code: 'FROM a:1\n# hadolint ignore=DL3003\nRUN cd /x\n', also: ['run-cd'] },
    // run-cd does not run (not enabled): a stricter run may need the comment.
    'FROM a:1\n# stagecraft-ignore run-cd -- vendored\nRUN make\n',
    // `all` and ShellCheck codes are never judged.
    { code: 'FROM a:1\n# stagecraft-ignore all -- generated\nRUN make\n# hadolint ignore=SC2086\nRUN echo $x\n', also: ['run-cd'] },
    { code: 'FROM a:1 AS build\n# stagecraft-ignore-stage run-cd -- vendored\nRUN make\nRUN cd /x\n', also: ['run-cd'] },
    { code: '# stagecraft-ignore-file DL3003 -- template\nFROM a:1\nRUN cd /x\n', also: ['run-cd'] },
    // BuildKit's # check=skip= is its own directive (shared with `docker build --check`): not judged.
    { code: '# check=skip=WorkdirRelativePath\nFROM a:1\nWORKDIR /x\n', also: ['workdir-relative'] },
    { code: '# stagecraft-ignore-file ignore-unused -- migrating\nFROM a:1\n# stagecraft-ignore run-cd -- old\nRUN make\n', also: ['run-cd'] },
  ],
  invalid: [
    { code: 'FROM a:1\n# stagecraft-ignore run-cd,DL3000 -- vendored\nRUN cd /x\n', also: ['run-cd', 'workdir-relative'], errors: [{ line: 2, column: 28, message: /"DL3000" is suppressed here but reports nothing/ }] },
    { code: 'FROM a:1\n# hadolint ignore=DL3003\nRUN make\n', also: ['run-cd'], errors: [{ line: 2, column: 19 }] },
    { code: 'FROM a:1 AS build\n# stagecraft-ignore-stage run-cd -- vendored\nRUN make\nFROM a:1\nRUN cd /x\n', also: ['run-cd'], errors: [{ line: 2 }] },
    { code: '# stagecraft-ignore-file run-cd -- template\nFROM a:1\nRUN make\n', also: ['run-cd'], errors: [{ line: 1 }] },
  ],
});
