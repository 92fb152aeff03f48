import rule from '../../../../src/lint/rules/git-ssl-no-verify.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nRUN git clone https://example.com/r.git\n",
    "FROM alpine:3.20\nENV ASDFGIT_SSL_NO_VERIFY=1\n",
    "FROM alpine:3.20\nRUN unset GIT_SSL_NO_VERIFY\n",
  ],
  invalid: [
    { code: "FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=0\n", errors: [{ line: 2, message: /GIT_SSL_NO_VERIFY/ }] },
    { code: "FROM alpine:3.20\nRUN export GIT_SSL_NO_VERIFY=true && git clone https://example.com/r.git\n", errors: [{ line: 2 }] },
    { code: "FROM alpine:3.20\nRUN git config --global http.sslVerify false\n", errors: [{ line: 2, message: /http.sslVerify/ }] },
  ],
});
