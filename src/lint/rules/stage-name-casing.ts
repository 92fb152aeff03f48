import { defineRule, type Fix } from '../rule.js';

export default defineRule<{ name: string }>({
  id: 'stage-name-casing',
  severity: 'info',
  description: 'Stage names should be lower case: they are compared without case, and mixed case reads like two names.',
  message: (d) => `stage name "${d.name}" should be lower case ("${d.name.toLowerCase()}")`,
  aliases: ['StageNameCasing'],
  scope: 'all',
  preset: 'recommended',
  fixable: true,
  create: (ctx) => ({
    stage(stage) {
      const written = stage.nameAsWritten;
      if (written === undefined || written === written.toLowerCase()) return;
      const fixes: Fix[] = [];
      // Names are case-insensitive: lower-casing the name and every reference to it changes nothing.
      const fromText = stage.from.raw;
      const nameAt = fromText.lastIndexOf(written);
      if (nameAt >= 0) fixes.push({ start: stage.from.start + nameAt, end: stage.from.start + nameAt + written.length, text: written.toLowerCase() });
      for (const i of ctx.df.instructions) {
        if (i.index <= stage.from.index) continue;
        for (const f of i.flags) {
          const v = f.value;
          if (f.name === 'from' && v !== null && v.toLowerCase() === stage.name && v !== v.toLowerCase()) {
            const at = i.raw.indexOf(`=${v}`);
            if (at >= 0) fixes.push({ start: i.start + at + 1, end: i.start + at + 1 + v.length, text: v.toLowerCase() });
          }
        }
        const s = ctx.df.stages.find((x) => x.from === i);
        if (s && s.base.toLowerCase() === stage.name && s.base !== s.base.toLowerCase()) {
          const at = i.raw.indexOf(s.base, i.keywordAsWritten.length);
          if (at >= 0) fixes.push({ start: i.start + at, end: i.start + at + s.base.length, text: s.base.toLowerCase() });
        }
      }
      ctx.report({ at: stage.from, data: { name: written }, fix: fixes });
    },
  }),
});
