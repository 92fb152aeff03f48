import rule from '../../../../src/lint/rules/gem-pin-versions.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    "FROM ruby:3.3-slim\nRUN gem install rails:7.1.3\n",
    "FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.6\n",
  ],
  invalid: [
    { code: "FROM ruby:3.3-slim\nRUN gem install bundler\n", errors: [{ line: 2, message: /bundler/ }] },
  ],
});
