import rule from '../../../../src/lint/rules/go-cgo-static.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM golang:1.23 AS build\nENV CGO_ENABLED=0\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n",
    "FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n",
    "FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /app /app\n",
  ],
  invalid: [
    { code: "FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n", errors: [{ line: 2, message: /CGO_ENABLED=0/ }] },
  ],
});
