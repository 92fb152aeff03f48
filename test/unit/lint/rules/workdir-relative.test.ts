import rule from '../../../../src/lint/rules/workdir-relative.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM a:1\nWORKDIR /app\n', 'FROM a:1\nENV D=/srv\nWORKDIR $D\n', 'FROM a:1\nWORKDIR "/app"\n', 'FROM a:1\nARG DIR\nWORKDIR ${DIR}\n'],
  invalid: [
    { code: 'FROM a:1\nWORKDIR app\n', errors: [{ line: 2, message: /WORKDIR app is relative/ }] },
    { code: 'FROM a:1\nENV D=srv\nWORKDIR $D/x\n', errors: [{ line: 3, message: /WORKDIR srv\/x/ }] },
  ],
});
