import rule from '../../../../src/lint/rules/sudo.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM a:1\nRUN apt-get install -y sudo\n', 'FROM a:1\nRUN echo sudo\n'],
  invalid: [
    { code: 'FROM a:1\nRUN sudo apt-get update\n', errors: [{ line: 2, message: /do not use sudo/ }] },
    { code: 'FROM a:1\nRUN true && DEBIAN_FRONTEND=x sudo make install\n', errors: [{ line: 2 }] },
  ],
});
