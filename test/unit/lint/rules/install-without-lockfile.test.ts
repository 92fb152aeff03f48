import rule from '../../../../src/lint/rules/install-without-lockfile.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm install\n',
    'FROM node:20\nCOPY package*.json ./\nRUN npm install\n',
    'FROM node:20\nCOPY . .\nRUN npm install\n',
    { code: 'FROM node:20\nCOPY . .\nRUN yarn install\n', context: { 'package.json': '{}', 'yarn.lock': '' } },
    // go.mod pins exact versions (go.sum holds checksums): no afresh resolution to warn about
    'FROM golang:1.23\nCOPY go.mod ./\nRUN go mod download\n',
  ],
  invalid: [
    { code: 'FROM node:20\nCOPY package.json ./\nRUN npm install\n', errors: [{ line: 3, message: /without its lockfile \(package-lock.json or npm-shrinkwrap.json\)/ }] },
    { code: 'FROM python:3.12-slim\nCOPY pyproject.toml ./\nRUN poetry install --only main\n', errors: [{ line: 3, message: /poetry.lock/ }] },
    { code: 'FROM node:20\nCOPY . .\nRUN yarn install\n', context: { 'package.json': '{}' }, errors: [{ line: 3 }] },
  ],
});
