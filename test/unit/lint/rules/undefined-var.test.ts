import rule from '../../../../src/lint/rules/undefined-var.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    // A default or an alternative says what happens when the name is unset (QA: ${UNSET:-fallback} was reported as empty).
    'FROM a:1\nENV X=${UNSET:-fallback} Y=${ALSO_UNSET:+alt} Z=${Z2-other}\n',
    "FROM a:1\nARG DIR=/app\nWORKDIR $DIR\n",
    "FROM a:1\nENV A=1 B=$A\n",
    "FROM node:20\nWORKDIR /app/$NODE_VERSION\n",
    "FROM a:1\nRUN echo $UNDECLARED\n",
    "FROM a:1\nCOPY --chown=$TARGETARCH a /a\n",
  ],
  invalid: [
    { code: 'FROM a:1\nENV X=${UNSET:-$OTHER}\n', errors: [{ line: 2, message: /\$OTHER is not declared/ }] },
    { code: "FROM a:1\nCOPY app /srv/$APP_NAME/\n", errors: [{ line: 2, message: /\$APP_NAME/ }] },
    { code: "ARG DIR=/x\nFROM a:1\nWORKDIR $DIR\n", errors: [{ line: 3 }] },
  ],
});
