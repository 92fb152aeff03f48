import rule from '../../../../src/lint/rules/source-before-install.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n',
    'FROM python:3.11\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n',
    'FROM node:20\nCOPY . .\nRUN npm run build\n',
    // deps first in the parent stage, then the project itself: the recommended shape (uv, poetry)
    'FROM python:3.12-slim AS deps\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nFROM deps AS build\nCOPY . .\nRUN uv sync --frozen\n',
  ],
  invalid: [
    { code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', errors: [{ line: 3, message: /copied \(line 3\) before `npm ci`/ }] },
    { code: 'FROM golang:1.23\nCOPY ./ ./\nRUN go mod download\n', errors: [{ line: 2 }] },
  ],
});
