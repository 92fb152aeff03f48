import rule from '../../../../src/lint/rules/from-platform-constant.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n",
    "FROM node:20\n",
  ],
  invalid: [
    { code: "FROM --platform=linux/amd64 node:20\n", errors: [{ line: 1, message: /linux\/amd64/ }] },
  ],
});
