import rule from '../../../../src/lint/rules/instruction-casing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM a:1\nRUN x\n', 'from a:1\nrun x\n'],
  invalid: [
    { code: 'FROM a:1\nrun x\nCOPY a b\n', errors: [{ line: 2, message: 'instruction "run" should be written "RUN" like the rest of the file' }], output: 'FROM a:1\nRUN x\nCOPY a b\n' },
    { code: 'from a:1\nrun x\nCopy a b\n', errors: [{ line: 3 }], output: 'from a:1\nrun x\ncopy a b\n' },
  ],
});
