import rule from '../../../../src/lint/rules/alpine-native-modules.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: "FROM node:20-alpine\nCOPY package.json package-lock.json ./\nRUN npm ci\n", context: {"package.json": "{\"dependencies\":{\"express\":\"4\"}}"} },
    { code: "FROM node:22-alpine AS deps\nRUN apk add --no-cache python3 make g++\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n", context: {"package.json": "{\"dependencies\":{\"bcrypt\":\"5\"}}"} },
    { code: "FROM node:20-slim\nRUN npm ci\n", context: {"package.json": "{\"dependencies\":{\"bcrypt\":\"5\"}}"} },
  ],
  invalid: [
    { code: "FROM node:20-alpine\nCOPY package.json package-lock.json ./\nRUN npm ci\n", errors: [{ line: 3, message: /native modules \(bcrypt\)/ }], context: {"package.json": "{\"dependencies\":{\"bcrypt\":\"5\",\"express\":\"4\"}}"} },
  ],
});
