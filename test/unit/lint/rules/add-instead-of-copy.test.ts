import rule from '../../../../src/lint/rules/add-instead-of-copy.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM a:1\nADD rootfs.tar.gz /\n', 'FROM a:1\nADD https://example.com/x.tgz /x\n', 'FROM a:1\nCOPY a /a\n', 'FROM a:1\nADD git@github.com:x/y.git /src\n'],
  invalid: [
    { code: 'FROM a:1\nADD app.jar /app.jar\n', errors: [{ line: 2, message: /use COPY instead of ADD for app.jar/ }] },
    { code: 'FROM a:1\nADD ["a b", "/x/"]\n', errors: [{ line: 2 }] },
  ],
});
