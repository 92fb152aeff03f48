import rule from '../../../../src/lint/rules/stage-name-casing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1 AS build\n",
    "FROM a:1\n",
  ],
  invalid: [
    { code: "FROM a:1 AS Build\nFROM b:1\nCOPY --from=Build /x /x\n", errors: [{ line: 1, message: /"build"/ }], output: "FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x\n" },
  ],
});
