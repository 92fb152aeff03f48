import rule from '../../../../src/lint/rules/dockerignore-missing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: "FROM a:1\nCOPY . .\n", context: {".dockerignore": ".git\n"} },
    { code: "FROM a:1\nCOPY --from=b /x /x\n", context: {} },
  ],
  invalid: [
    { code: "FROM a:1\nCOPY . .\n", errors: [{ line: 2, message: /no .dockerignore/ }], context: {"package.json": "{}"} },
  ],
});
