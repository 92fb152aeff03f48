import { defineRule } from '../rule.js';

export default defineRule<{ as: string; from: string }>({
  id: 'from-as-casing',
  severity: 'info',
  description: 'The `AS` keyword should have the same casing as FROM (`FROM x AS y`, `from x as y`).',
  message: (d) => `"${d.as}" should match the casing of "${d.from}": write ${d.from === d.from.toLowerCase() ? 'as' : 'AS'}`,
  aliases: ['FromAsCasing'],
  scope: 'all',
  preset: 'recommended',
  fixable: true,
  create: (ctx) => ({
    stage(stage) {
      const as = stage.asKeyword;
      if (as === undefined) return;
      const from = stage.from.keywordAsWritten;
      const upper = from === from.toUpperCase();
      const lower = from === from.toLowerCase();
      if ((upper && as === 'AS') || (lower && as === 'as') || (!upper && !lower)) return;
      const expected = upper ? 'AS' : 'as';
      const m = /\s(as)\s/i.exec(stage.from.raw.slice(stage.from.raw.indexOf(stage.base) + stage.base.length - 1));
      const fix = m ? (() => {
        const offset = stage.from.raw.indexOf(stage.base) + stage.base.length - 1 + m.index + 1;
        return { start: stage.from.start + offset, end: stage.from.start + offset + 2, text: expected };
      })() : undefined;
      ctx.report({ at: stage.from, data: { as, from }, fix });
    },
  }),
});
