import rule from '../../../../src/lint/rules/maintainer-deprecated.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM a:1\nLABEL org.opencontainers.image.authors="me@example.com"\n'],
  invalid: [
    {
      code: 'FROM a:1\n# who\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n',
      errors: [{ line: 3, message: /MAINTAINER is deprecated/ }],
      output: 'FROM a:1\n# who\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n',
    },
  ],
});
