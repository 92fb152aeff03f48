import { defineRule } from '../rule.js';

// Reported by the linter itself (it needs every rule's aliases): see unknownPragmaIds in ../pragmas.ts.
export default defineRule<{ id: string }>({
  id: 'ignore-unknown-rule',
  severity: 'warning',
  description: 'A suppression comment should name rules that exist: an unknown id (a typo) suppresses nothing.',
  message: (d) => `"${d.id}" is no stagecraft rule id or alias, so this suppression does nothing for it: run \`stagecraft rules\` for the ids`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  create: () => ({}),
});
