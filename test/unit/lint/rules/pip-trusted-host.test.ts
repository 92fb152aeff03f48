import rule from '../../../../src/lint/rules/pip-trusted-host.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM python:3.11-slim\nRUN pip install --no-cache-dir flask\n",
    "FROM python:3.11-slim\nRUN pip install flask | grep \"--trusted-host\"\n",
    "FROM python:3.11-slim\nRUN PIP_TRUSTED_HOSTX=1 pip install x\n",
  ],
  invalid: [
    { code: "FROM python:3.11-slim\nRUN pip install flask --trusted-host pkgs.example\n", errors: [{ line: 2, message: /pip --trusted-host/ }] },
    { code: "FROM python:3.11-slim\nENV PIP_TRUSTED_HOST=pkgs.example\n", errors: [{ line: 2, message: /PIP_TRUSTED_HOST/ }] },
  ],
});
