import rule from '../../../../src/lint/rules/image-latest-tag.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\n', 'FROM alpine\n', 'FROM alpine:latest@sha256:abcd\n'],
  invalid: [
    { code: 'FROM debian:latest\n', errors: [{ line: 1, message: /latest tag/ }] },
    { code: 'ARG T=latest\nFROM ghcr.io/x/y:${T}\n', errors: [{ line: 2 }] },
  ],
});
