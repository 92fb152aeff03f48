import rule from '../../../../src/lint/rules/single-stage-toolchain.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n",
    "FROM node:20-slim\nRUN npm run build\n",
    "FROM golang:1.23\nRUN go version\n",
  ],
  invalid: [
    { code: "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n", errors: [{ line: 1, message: /whole toolchain/ }] },
    { code: "FROM node:20\nRUN npm run build\n", errors: [{ line: 1 }] },
  ],
});
