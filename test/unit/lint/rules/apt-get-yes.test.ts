import rule from '../../../../src/lint/rules/apt-get-yes.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM a:1\nRUN apt-get install -y curl\n', 'FROM a:1\nRUN apt-get -fmy install apt-utils\n', 'FROM a:1\nRUN apt-get -qq install curl\n', 'FROM a:1\nRUN apt-get update\n', 'FROM a:1\nRUN apt-get --yes install x\n'],
  invalid: [
    { code: 'FROM a:1\nRUN apt-get install apt-utils && apt-get clean\n', errors: [{ line: 2, message: 'apt-get install without -y: the build cannot answer the confirmation prompt' }] },
    { code: 'FROM a:1\nRUN apt-get update \\\n && apt-get upgrade\n', errors: [{ line: 2, message: /apt-get upgrade/ }] },
  ],
});
