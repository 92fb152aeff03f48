import rule from '../../../../src/lint/rules/pointless-command.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get install -y vim\n",
    "FROM debian:12\nRUN ssh-keygen -A\n",
  ],
  invalid: [
    { code: "FROM debian:12\nRUN service nginx start\n", errors: [{ line: 2, message: /`service`/ }] },
  ],
});
