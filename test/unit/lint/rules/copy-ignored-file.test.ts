import rule from '../../../../src/lint/rules/copy-ignored-file.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: "FROM a:1\nCOPY package.json ./\n", context: {".dockerignore": "*.md\n"} },
    { code: "FROM a:1\nCOPY README.md ./\n", context: {".dockerignore": "*.md\n!README.md\n"} },
  ],
  invalid: [
    { code: "FROM a:1\nCOPY dist/ /app/\n", errors: [{ line: 2, message: /dist is excluded by .dockerignore \(pattern "dist"\)/ }], context: {".dockerignore": "dist\n"} },
  ],
});
