import rule from '../../../../src/lint/rules/empty-continuation.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM a:1\r\nRUN a \\\r\n  # c\r\n  && b \\\r\n  && c\r\n',
    "FROM a:1\nRUN a \\\n  && b\n",
    "FROM a:1\nRUN a \\\n  # comment\n  && b\n",
  ],
  invalid: [
    // CRLF: a comment line inside the continuation is not empty, and the fix keeps every CRLF whole
    // (the split between \r and \n made each line look empty and --fix left bare CRs behind).
    { code: 'FROM a:1\r\nRUN a \\\r\n  # c\r\n\r\n  && b\r\n', errors: [{ line: 4, message: /empty line/ }], output: 'FROM a:1\r\nRUN a \\\r\n  # c\r\n  && b\r\n' },
    { code: "FROM a:1\nRUN a \\\n\n  && b\n", errors: [{ line: 3, message: /empty line/ }], output: "FROM a:1\nRUN a \\\n  && b\n" },
  ],
});
