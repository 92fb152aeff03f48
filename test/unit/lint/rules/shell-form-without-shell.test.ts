import rule from '../../../../src/lint/rules/shell-form-without-shell.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM gcr.io/distroless/nodejs20-debian12:nonroot\nCMD [\"server.js\"]\n",
    "FROM gcr.io/distroless/base-debian12:debug\nRUN echo ok\n",
    "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n",
    "FROM node:20-slim\nCMD node server.js\n",
  ],
  invalid: [
    { code: "FROM gcr.io/distroless/nodejs20-debian12:nonroot\nCMD node server.js\n", errors: [{ line: 2, message: /CMD in shell form needs \/bin\/sh/ }] },
    { code: "FROM scratch\nRUN mkdir /data\n", errors: [{ line: 2, message: /the build fails/ }] },
    { code: "FROM golang:1.23 AS b\nFROM scratch AS base\nFROM base\nHEALTHCHECK CMD /app -health\n", errors: [{ line: 4 }] },
  ],
});
