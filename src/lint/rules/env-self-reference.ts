import { parseKeyValues, referencedNames, variablesBefore } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

export default defineRule<{ name: string }>({
  id: 'env-self-reference',
  severity: 'error',
  description: 'An ENV must not use a variable it defines itself: within one ENV the old value is used, which is rarely what was meant.',
  message: (d) => `$${d.name} is defined in this same ENV: the reference sees the value from before this instruction; split it into two ENV lines`,
  aliases: ['DL3044'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    ENV(i) {
      const pairs = parseKeyValues(i.args);
      if (pairs.length < 2) return;
      const before = variablesBefore(ctx.df, i);
      const defined = new Set<string>();
      for (const kv of pairs) {
        for (const n of referencedNames(kv.value ?? '', ctx.df.directives.escape)) {
          if (defined.has(n) && !before.has(n)) return ctx.report({ at: i, data: { name: n } });
        }
        defined.add(kv.key);
      }
    },
  }),
});
