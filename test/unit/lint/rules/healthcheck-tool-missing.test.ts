import rule from '../../../../src/lint/rules/healthcheck-tool-missing.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nHEALTHCHECK CMD [\"node\", \"-e\", \"fetch('http://127.0.0.1:3000/')\"]\n",
    "FROM node:20-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n",
    "FROM node:20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
    "FROM nginx:1.27-alpine\nHEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1\n",
  ],
  invalid: [
    { code: "FROM node:20-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/ || exit 1\n", errors: [{ line: 2, message: /calls curl, which node:20-slim does not have/ }] },
    { code: "FROM gcr.io/distroless/static-debian12\nHEALTHCHECK CMD [\"/usr/bin/wget\", \"-q\", \"http://localhost/\"]\n", errors: [{ line: 2 }] },
    { code: "FROM python:3.12-alpine\nHEALTHCHECK CMD curl -f http://localhost/\n", errors: [{ line: 2 }] },
  ],
});
