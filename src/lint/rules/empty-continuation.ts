import { defineRule, type Fix } from '../rule.js';

export default defineRule({
  id: 'empty-continuation',
  severity: 'warning',
  description: 'A continued instruction should not contain empty lines: the builder ignores them today and will refuse them later.',
  message: () => 'empty line inside a continued instruction: remove it (or end the instruction before it)',
  aliases: ['NoEmptyContinuation'],
  scope: 'all',
  preset: 'recommended',
  fixable: true,
  create: (ctx) => ({
    instruction(i) {
      if (i.line === i.endLine || i.heredocs.length > 0) return;
      const fixes: Fix[] = [];
      let first: number | undefined;
      let offset = i.start;
      // Split after each line ending, but not between the \r and \n of a CRLF (that made every CRLF line "empty").
      const physical = i.raw.split(/(?<=\r\n|\n|\r(?!\n))/);
      physical.forEach((line, k) => {
        if (k > 0 && k < physical.length && line.trim() === '') {
          first ??= i.line + k;
          fixes.push({ start: offset, end: offset + line.length, text: '' });
        }
        offset += line.length;
      });
      if (first !== undefined) ctx.report({ at: { line: first, column: 1, endLine: first, endColumn: 1 }, data: undefined, fix: fixes });
    },
  }),
});
