import rule from '../../../../src/lint/rules/npm-only-production.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: ['FROM node:20\nRUN npm ci --omit=dev\n', 'FROM node:20\nRUN echo --production\n'],
  invalid: [
    { code: 'FROM node:20\nRUN npm ci --only=production\n', errors: [{ line: 2, message: /--only=production is deprecated/ }], output: 'FROM node:20\nRUN npm ci --omit=dev\n' },
    {
      code: 'FROM node:20\n# deps\nRUN npm install --production \\\n    && npm cache clean --force\n',
      errors: [{ line: 3 }],
      output: 'FROM node:20\n# deps\nRUN npm install --omit=dev \\\n    && npm cache clean --force\n',
    },
  ],
});
