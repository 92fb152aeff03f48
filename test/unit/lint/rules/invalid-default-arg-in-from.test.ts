import rule from '../../../../src/lint/rules/invalid-default-arg-in-from.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "ARG V=20\nFROM node:${V}\n",
    "ARG IMAGE=node:20\nFROM ${IMAGE}\n",
  ],
  invalid: [
    { code: "ARG TAG\nFROM node:${TAG}\n", errors: [{ line: 2, message: /resolves to "node:"/ }] },
  ],
});
