import rule from '../../../../src/lint/rules/run-cd.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM a:1\nWORKDIR /src\nRUN make\n', 'FROM a:1\nRUN echo cd /x\n'],
  invalid: [
    { code: 'FROM a:1\nRUN cd /src && make\n', errors: [{ line: 2, message: /use WORKDIR/ }] },
    { code: 'FROM a:1\nRUN ["sh", "-c", "cd /x && ls"]\n', errors: [{ line: 2 }] },
  ],
});
