import rule from '../../../../src/lint/rules/secrets-in-arg-or-env.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nARG NODE_VERSION=20\n",
    "FROM a:1\nENV PUBLIC_KEY_URL=https://x\n",
    "FROM a:1\nENV TOKENIZER_MODE=fast\n",
  ],
  invalid: [
    { code: "FROM a:1\nARG NPM_TOKEN\n", errors: [{ line: 2, message: /ARG NPM_TOKEN looks like a secret/ }] },
    { code: "FROM a:1\nENV DB_PASSWORD=x\n", errors: [{ line: 2, message: /image config/ }] },
    { code: "FROM a:1\nENV apiKey=1\n", errors: [{ line: 2 }] },
  ],
});
