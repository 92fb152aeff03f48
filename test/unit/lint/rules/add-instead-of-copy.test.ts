import rule from '../../../../src/lint/rules/add-instead-of-copy.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM a:1\nADD rootfs.tar.gz /\n', 'FROM a:1\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x.tgz /x\n', 'FROM a:1\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n', 'FROM a:1\nCOPY a /a\n', 'FROM a:1\nADD git@github.com:x/y.git /src\n'],
  invalid: [
    { code: 'FROM a:1\nADD app.jar /app.jar\n', errors: [{ line: 2, message: /use COPY instead of ADD for app.jar/ }] },
    { code: 'FROM a:1\nADD ["a b", "/x/"]\n', errors: [{ line: 2 }] },
    { code: 'FROM a:1\nADD http://example.com/package.zip /temp\n', errors: [{ line: 2, message: /downloads without verifying the file: add --checksum/ }] },
  ],
});
