import rule from '../../../../src/lint/rules/node-tls-reject-unauthorized.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n",
    "FROM node:20-slim\nENV ASDFNODE_TLS_REJECT_UNAUTHORIZED=0\n",
    "FROM node:20-slim\nRUN echo NODE_TLS_REJECT_UNAUTHORIZED=0\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\nARG NODE_TLS_REJECT_UNAUTHORIZED=\"0\"\n", errors: [{ line: 2, message: /in ENV/ }, { line: 3, message: /in ARG/ }] },
    { code: "FROM node:20-slim\nRUN LOL=1 NODE_TLS_REJECT_UNAUTHORIZED=0 node x.js\n", errors: [{ line: 2 }] },
  ],
});
