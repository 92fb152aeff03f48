import rule from '../../../../src/lint/rules/invalid-label-key.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nLABEL org.opencontainers.image.source=\"https://x\"\n",
  ],
  invalid: [
    { code: "FROM a:1\nLABEL Maintainer=me\n", errors: [{ line: 2, message: /Maintainer/ }] },
    { code: "FROM a:1\nLABEL com.docker.x=1\n", errors: [{ line: 2 }] },
  ],
});
