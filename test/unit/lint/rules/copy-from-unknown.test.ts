import rule from '../../../../src/lint/rules/copy-from-unknown.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x\n',
    'FROM b:1\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n',
    'FROM a:1\nFROM b:1\nCOPY --from=0 /x /x\n',
    'ARG S=build\nFROM a:1 AS build\nFROM b:1\nARG S\nCOPY --from=${S} /x /x\n',
  ],
  invalid: [
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=biuld /x /x\n', errors: [{ line: 3, message: /--from=biuld is no stage defined above/ }] },
    { code: 'FROM b:1\nCOPY --from=later /x /x\nFROM c:1 AS later\n', errors: [{ line: 2, message: /defined later/ }] },
  ],
});
