import { defineRule } from '../rule.js';

// Reported by the linter itself after the suppressions are applied: see unusedPragmas in ../pragmas.ts.
export default defineRule<{ id: string }>({
  id: 'ignore-unused',
  severity: 'info',
  description: 'A suppression comment should still suppress something: one for a rule that no longer reports there is noise that hides the next real finding.',
  message: (d) => `"${d.id}" is suppressed here but reports nothing: remove it from the comment`,
  aliases: [],
  scope: 'all',
  preset: 'strict',
  create: () => ({}),
});
