import rule from '../../../../src/lint/rules/ignore-unknown-rule.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM a:1\n# stagecraft-ignore run-cd,DL3003 -- vendored script\nRUN cd /x && make\n',
    'FROM a:1\n# hadolint ignore=DL3003,SC2086\nRUN cd /x\n',
    'FROM a:1\n# hadolint ignore=DL3003 -- the vendored script\nRUN cd /x\n',
    '# check=skip=JSONArgsRecommended, StageNameCasing\nFROM a:1\nCMD x\n',
    '# hadolint global ignore=DL3049,DL1001,all\nFROM a:1\n',
    // Not a parser directive (after an instruction): BuildKit reads it as a comment, so do we.
    'FROM a:1\n# check=skip=NotARule\n',
    'FROM a:1\n# stagecraft-ignore -- everything below\nRUN cd /x\n',
    'FROM a:1\n# stagecraft-ignore-stage AVD-DS-0013, CKV_DOCKER_3 -- why\nRUN cd /x\n',
  ],
  invalid: [
    { code: 'FROM a:1\n# stagecraft-ignore run-cdd -- typo\nRUN cd /x && make\n', errors: [{ line: 2, column: 21, message: /"run-cdd" is no stagecraft rule/ }] },
    { code: 'FROM a:1\n# hadolint ignore=DL3003,DL9999\nRUN cd /x\n', errors: [{ line: 2, message: /"DL9999"/ }] },
    { code: '# check=skip=JsonArgsRecommend\nFROM a:1\n', errors: [{ line: 1, message: /"JsonArgsRecommend"/ }] },
    { code: '# stagecraft-ignore-file nope,final-user-root -- x\nFROM a:1\n', errors: [{ line: 1, message: /"nope"/ }] },
  ],
});
