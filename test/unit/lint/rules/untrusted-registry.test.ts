import rule from '../../../../src/lint/rules/untrusted-registry.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\n",
    { code: "FROM ghcr.io/acme/base:1\n", settings: {"trustedRegistries": ["ghcr.io"]} },
    { code: "FROM node:20\n", settings: {"trustedRegistries": ["docker.io"]} },
    { code: "FROM x.acme.dev/a:1\n", settings: {"trustedRegistries": ["*.acme.dev"]} },
  ],
  invalid: [
    { code: "FROM quay.io/x/y:1\nFROM node:20\n", errors: [{ line: 1, message: /quay.io, which is not a trusted/ }, { line: 2, message: /docker.io/ }], settings: {"trustedRegistries": ["ghcr.io"]} },
  ],
});
