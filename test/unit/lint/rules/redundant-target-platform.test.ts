import rule from '../../../../src/lint/rules/redundant-target-platform.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM --platform=$BUILDPLATFORM golang:1.23\n",
  ],
  invalid: [
    { code: "FROM --platform=${TARGETPLATFORM} node:20\n", errors: [{ line: 1, message: /default/ }] },
  ],
});
