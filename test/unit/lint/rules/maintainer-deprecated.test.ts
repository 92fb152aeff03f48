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
    {
      // QA: `$TEAM` would have been expanded by LABEL (to nothing), and a lone leading quote was dropped.
      code: 'FROM a:1\nMAINTAINER "JD" Doe <jd@x> $TEAM \\o/\n',
      errors: [{ line: 2 }],
      output: 'FROM a:1\nLABEL org.opencontainers.image.authors="\\"JD\\" Doe <jd@x> \\$TEAM \\\\o/"\n',
    },
    { code: '# escape=`\nFROM a:1\nMAINTAINER "JD" C:\\x $T\n', errors: [{ line: 3 }], output: '# escape=`\nFROM a:1\nLABEL org.opencontainers.image.authors="`"JD`" C:\\x `$T"\n' },
    { code: "FROM a:1\nMAINTAINER 'Jane Doe'\n", errors: [{ line: 2 }], output: 'FROM a:1\nLABEL org.opencontainers.image.authors="Jane Doe"\n' },
  ],
});
