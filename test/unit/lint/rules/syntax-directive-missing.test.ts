import rule from '../../../../src/lint/rules/syntax-directive-missing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "# syntax=docker/dockerfile:1\nFROM a:1\nRUN <<EOF\necho hi\nEOF\n",
    "FROM a:1\nCOPY a /a\nRUN --mount=type=cache,target=/x make\n",
  ],
  invalid: [
    { code: "FROM a:1\nRUN <<EOF\necho hi\nEOF\n", errors: [{ line: 2, message: /a heredoc in RUN/ }] },
    { code: "FROM a:1\nCOPY --link a /a\n", errors: [{ line: 2, message: /COPY --link/ }] },
  ],
});
