import rule from '../../../../src/lint/rules/json-args-recommended.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM a:1\nCMD ["node", "server.js"]\n', 'FROM a:1\nSHELL ["/bin/bash", "-c"]\nCMD echo $HOME\n', 'FROM a:1\nENTRYPOINT ["/app"]\n'],
  invalid: [
    { code: 'FROM a:1\nCMD node server.js\n', errors: [{ line: 2, message: /CMD in shell form/ }], output: 'FROM a:1\nCMD ["node", "server.js"]\n' },
    // Shell syntax: flagged, not rewritten (the JSON form would not expand $PORT).
    { code: 'FROM a:1\nENTRYPOINT exec app --port $PORT\n', errors: [{ line: 2, message: /ENTRYPOINT in shell form/ }] },
    { code: 'FROM a:1\ncmd   python -m app\n', errors: [{ line: 2 }], output: 'FROM a:1\ncmd   ["python", "-m", "app"]\n' },
    // With an ENTRYPOINT in the stage the form decides what runs: reported, not rewritten.
    { code: 'FROM a:1\nENTRYPOINT ["/entry"]\nCMD serve --port 80\n', errors: [{ line: 3 }] },
  ],
});
