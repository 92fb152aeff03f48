import rule from '../../../../src/lint/rules/syntax.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nRUN true\n', 'ARG V=1\nFROM alpine:${V}\n'],
  invalid: [
    { code: '', errors: [{ line: 1, message: /empty/ }] },
    { code: 'RUN echo hi\n', errors: [{ line: 1, message: /before the first FROM/ }, { line: 1, message: /no FROM/ }] },
    { code: 'FROM alpine:3.20\nRUNN echo\n', errors: [{ line: 2, message: 'unknown instruction: RUNN' }] },
    { code: 'FROM alpine:3.20 build\n', errors: [{ line: 1, message: /FROM takes an image/ }] },
  ],
});
