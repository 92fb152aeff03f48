import rule from '../../../../src/lint/rules/secrets-in-arg-or-env.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM a:1\nARG NODE_VERSION=20\n",
    "FROM a:1\nENV PUBLIC_KEY_URL=https://x\n",
    "FROM a:1\nENV TOKENIZER_MODE=fast\n",
    // References to a secret, not the secret (QA: the official images' *_PASSWORD_FILE pattern was flagged).
    "FROM a:1\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n",
    "FROM a:1\nARG GPG_KEY_ID=0x1234\nENV TOKEN_URL=https://auth.example.com/token AUTH_TYPE=basic\n",
    // Flags: Rails' SECRET_KEY_BASE_DUMMY=1 for assets:precompile, a switch set to false.
    "FROM a:1\nENV SECRET_KEY_BASE_DUMMY=1\nENV DISABLE_AUTH_TOKEN_CHECK=false\n",
    "FROM a:1\nENV DB_PASSWORD=/run/secrets/db\n",
  ],
  invalid: [
    { code: "FROM a:1\nARG NPM_TOKEN\n", errors: [{ line: 2, message: /ARG NPM_TOKEN looks like a secret/ }] },
    { code: "FROM a:1\nENV DB_PASSWORD=x\n", errors: [{ line: 2, message: /image config/ }] },
    { code: "FROM a:1\nENV apiKey=abc123\n", errors: [{ line: 2 }] },
    { code: "FROM a:1\nARG AWS_ACCESS_KEY_ID\n", errors: [{ line: 2, message: /AWS_ACCESS_KEY_ID/ }] },
    { code: "FROM a:1\nENV SECRET_KEY_BASE=true_value_abc\n", errors: [{ line: 2 }] },
  ],
});
