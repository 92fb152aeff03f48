import rule from '../../../../src/lint/rules/copy-from-self.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM golang:1.7.3 AS dep\nCOPY /binary /\nFROM alpine:3\nCOPY --from=dep /binary /\n'],
  invalid: [{ code: 'FROM golang:1.7.3 AS dep\nCOPY --from=dep /binary /\n', errors: [{ line: 2, message: /refers to the stage it is in/ }] }],
});
