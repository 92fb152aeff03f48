import rule from '../../../../src/lint/rules/pip-no-cache-dir.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM python:3.11-slim\nRUN pip install --no-cache-dir flask\n",
    "FROM python:3.11-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n",
    "FROM python:3.11-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
    "FROM python:3.11 AS build\nRUN pip install flask\nFROM python:3.11-slim\nUSER 1\n",
  ],
  invalid: [
    { code: "FROM python:3.11-slim\nRUN pip install -r requirements.txt\n", errors: [{ line: 2, message: /no-cache-dir/ }] },
    { code: "FROM python:3.11-slim\nRUN python -m pip install flask\n", errors: [{ line: 2 }] },
  ],
});
