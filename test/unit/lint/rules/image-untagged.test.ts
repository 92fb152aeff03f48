import rule from '../../../../src/lint/rules/image-untagged.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\n', 'FROM scratch\n', 'FROM alpine@sha256:abcd\n', 'FROM alpine:3 AS base\nFROM base\n', 'ARG B=node:20\nFROM $B\n', 'ARG B\nFROM $B\n'],
  invalid: [
    { code: 'FROM alpine\n', errors: [{ line: 1, message: /FROM alpine has no tag/ }] },
    { code: 'ARG B=debian\nFROM ${B} AS x\n', errors: [{ line: 2, message: /FROM debian has no tag/ }] },
  ],
});
