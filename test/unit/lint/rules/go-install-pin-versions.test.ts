import rule from '../../../../src/lint/rules/go-install-pin-versions.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@v0.24.0\n",
    "FROM golang:1.23\nRUN go install ./cmd/server\n",
  ],
  invalid: [
    { code: "FROM golang:1.23\nRUN go install github.com/x/y@latest\n", errors: [{ line: 2, message: /@latest/ }] },
  ],
});
