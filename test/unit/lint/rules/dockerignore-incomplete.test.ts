import rule from '../../../../src/lint/rules/dockerignore-incomplete.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: "FROM a:1\nCOPY . .\n", context: {".dockerignore": ".git\nnode_modules\n", ".git/HEAD": "x", "node_modules/a/index.js": ""} },
    { code: "FROM a:1\nCOPY src ./src\n", context: {".dockerignore": "x\n", ".env": "A=1"} },
  ],
  invalid: [
    { code: "FROM a:1\nWORKDIR /app\nCOPY . .\n", errors: [{ line: 3, message: /lets .git, .env through/ }], context: {".dockerignore": "node_modules\n", ".env": "A=1", "node_modules/x.js": "", ".git/HEAD": "ref"} },
  ],
});
