import { defineRule } from '../rule.js';

// The parser's problems (parseDockerfile().errors) are reported under this id by the linter itself.
export default defineRule<{ message: string }>({
  id: 'syntax',
  severity: 'error',
  description: 'The Dockerfile must be one the builder accepts: known instructions, a FROM first (after ARGs), well-formed FROM lines.',
  message: (d) => d.message,
  aliases: ['DL3061'],
  scope: 'all',
  preset: 'recommended',
  create: () => ({}),
});
