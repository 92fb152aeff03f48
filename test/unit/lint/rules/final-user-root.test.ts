import rule from '../../../../src/lint/rules/final-user-root.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20-slim\nUSER node\n',
    'FROM gcr.io/distroless/nodejs20-debian12:nonroot\nCOPY a /a\n',
    // Only the final stage ships: a build stage running as root is fine.
    'FROM golang:1.23 AS build\nRUN go build\nFROM debian:bookworm-slim\nUSER 10001\n',
    'FROM debian:12 AS base\nUSER app\nFROM base\nRUN true\n',
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER 1000:1000\n',
    // nginx's unprivileged image starts as uid 101 (QA: a static site on it was reported as root).
    'FROM nginxinc/nginx-unprivileged:1.27-alpine\nCOPY dist /usr/share/nginx/html\n',
    'FROM ghcr.io/nginxinc/nginx-unprivileged:1.27\nCOPY dist /usr/share/nginx/html\n',
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN true\n', errors: [{ line: 1, message: /sets no USER and debian:12 starts as root/ }] },
    { code: 'FROM debian:12\nUSER app\nUSER root\n', errors: [{ line: 3, message: /last USER of the final stage is root/ }] },
    { code: 'FROM debian:12 AS build\nUSER 1000\nFROM debian:12\nUSER 0:0\n', errors: [{ line: 4 }] },
    { code: 'FROM a:1 AS one\nFROM b:1 AS two\nUSER 1\n', target: 'one', errors: [{ line: 1 }] },
  ],
});
