import rule from '../../../../src/lint/rules/copy-whole-stage.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n",
  ],
  invalid: [
    { code: "FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /\n", errors: [{ line: 3, message: /entire filesystem/ }] },
  ],
});
