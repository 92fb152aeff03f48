import rule from '../../../../src/lint/rules/npm-strict-ssl-off.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nRUN npm config set strict-ssl true\n",
    "FROM node:20-slim\nRUN npm config get strict-ssl || false\n",
    "FROM node:20-slim\nENV NPM_CONFIG_STRICT_SSL=true\n",
    "FROM node:20-slim\nRUN npm install strict-ssl false\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nENV npm_config_strict_ssl=false\n", errors: [{ line: 2, message: /NPM_CONFIG_STRICT_SSL=false/ }] },
    { code: "FROM node:20-slim\nRUN npm config set 'strict-ssl'=false\nRUN yarn config set strict-ssl false --global\n", errors: [{ line: 2, message: /npm config set/ }, { line: 3, message: /yarn config set/ }] },
  ],
});
