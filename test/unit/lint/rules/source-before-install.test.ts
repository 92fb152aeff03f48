import rule from '../../../../src/lint/rules/source-before-install.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n',
    'FROM python:3.11\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n',
    'FROM node:20\nCOPY . .\nRUN npm run build\n',
  ],
  invalid: [
    { code: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n', errors: [{ line: 3, message: /copied \(line 3\) before `npm ci`/ }] },
    { code: 'FROM golang:1.23\nCOPY ./ ./\nRUN go mod download\n', errors: [{ line: 2 }] },
  ],
});
