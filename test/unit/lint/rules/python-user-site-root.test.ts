import rule from '../../../../src/lint/rules/python-user-site-root.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM python:3.11-slim\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask\nUSER 1000\n",
    "FROM python:3.11-slim\nUSER app\nRUN pip install --user flask\n",
    "FROM python:3.11-slim\nRUN pip install --user flask\n",
  ],
  invalid: [
    { code: "FROM python:3.11-slim\nRUN pip install --user -r requirements.txt\nUSER app\n", errors: [{ line: 2, message: /cannot read \/root/ }] },
    { code: "FROM python:3.11 AS build\nRUN pip install --user flask\nFROM python:3.11-slim\nCOPY --from=build /root/.local /root/.local\nUSER 1000\n", errors: [{ line: 4, message: /COPY to \/root\/.local/ }] },
  ],
});
