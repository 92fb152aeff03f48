import rule from '../../../../src/lint/rules/pip-pin-versions.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM python:3.11-slim\nRUN pip install flask==3.0.3\n",
    "FROM python:3.11-slim\nRUN pip install -r requirements.txt\n",
    "FROM python:3.11-slim\nRUN pip install --upgrade pip\n",
    "FROM python:3.11-slim\nRUN pip install .\n",
    "FROM python:3.11-slim\nRUN pip install -c constraints.txt flask\n",
  ],
  invalid: [
    { code: "FROM python:3.11-slim\nRUN pip install flask gunicorn==22.0.0\n", errors: [{ line: 2, message: /flask/ }] },
  ],
});
