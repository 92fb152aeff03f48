import rule from '../../../../src/lint/rules/duplicate-stage-name.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM a:1 AS build\nFROM a:1 AS other\n'],
  invalid: [{ code: 'FROM a:1 AS build\nRUN x\nFROM b:1 AS Build\n', errors: [{ line: 3, message: 'stage name "Build" is already used on line 1: stage names must be unique' }] }],
});
