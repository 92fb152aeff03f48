import rule from '../../../../src/lint/rules/python-https-verify-off.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM python:3.11-slim\nENV PYTHONHTTPSVERIFY=1\n",
    "FROM python:3.11-slim\nRUN python -c \"print(1)\"\n",
  ],
  invalid: [
    { code: "FROM python:3.11-slim\nENV PYTHONHTTPSVERIFY=0\n", errors: [{ line: 2, message: /PYTHONHTTPSVERIFY=0/ }] },
    { code: "FROM python:3.11-slim\nRUN echo x && PYTHONHTTPSVERIFY='0' python app.py\n", errors: [{ line: 2 }] },
  ],
});
