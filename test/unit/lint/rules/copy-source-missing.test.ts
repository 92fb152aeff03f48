import rule from '../../../../src/lint/rules/copy-source-missing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: "FROM a:1\nCOPY package.json ./\n", context: {"package.json": "{}"} },
    { code: "FROM a:1\nCOPY dist/ /app/\n", context: {} },
    { code: "FROM a:1\nCOPY *.json ./\n", context: {} },
    { code: "FROM a:1\nCOPY --from=build /x /x\n", context: {} },
  ],
  invalid: [
    { code: "FROM a:1\nCOPY requirments.txt ./\n", errors: [{ line: 2, message: /requirments.txt is not in the build context/ }], context: {"requirements.txt": "flask"} },
  ],
});
