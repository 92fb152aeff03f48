import rule from '../../../../src/lint/rules/undefined-arg-in-from.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "ARG BASE=node:20\nFROM $BASE\n",
    "FROM --platform=$BUILDPLATFORM golang:1.23\n",
    "ARG TAG\nFROM node:${TAG}\n",
  ],
  invalid: [
    { code: "FROM node:${TAG}\n", errors: [{ line: 1, message: /\$TAG/ }] },
    { code: "FROM a:1\nARG V=1\nFROM b:${V}\n", errors: [{ line: 3 }] },
  ],
});
