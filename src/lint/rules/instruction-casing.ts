import { KNOWN_KEYWORDS } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

export default defineRule<{ written: string; expected: string }>({
  id: 'instruction-casing',
  severity: 'info',
  description: 'Instructions should be written in one casing throughout the file (upper case by convention).',
  message: (d) => `instruction "${d.written}" should be written "${d.expected}" like the rest of the file`,
  aliases: ['ConsistentInstructionCasing'],
  scope: 'all',
  preset: 'recommended',
  fixable: true,
  create: (ctx) => {
    const known = ctx.df.instructions.filter((i) => KNOWN_KEYWORDS.has(i.keyword));
    const lower = known.filter((i) => i.keywordAsWritten === i.keyword.toLowerCase()).length;
    const upper = known.filter((i) => i.keywordAsWritten === i.keyword).length;
    // The majority wins, as in BuildKit; a tie goes to upper case.
    const toLower = lower > upper;
    return {
      instruction(i) {
        if (!KNOWN_KEYWORDS.has(i.keyword)) return;
        const expected = toLower ? i.keyword.toLowerCase() : i.keyword;
        if (i.keywordAsWritten === expected) return;
        ctx.report({ at: i, data: { written: i.keywordAsWritten, expected }, fix: { start: i.start, end: i.start + i.keywordAsWritten.length, text: expected } });
      },
    };
  },
});
