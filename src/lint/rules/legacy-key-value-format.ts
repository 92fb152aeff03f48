import type { Instruction } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

/**
 * The legacy value written as one `key=value` word that the builder reads the same way, or undefined
 * when that is not certain (quotes or escapes around spaces: `ENV C "q" r` is `q r`, and quoting it
 * whole would keep the quotes). One word, or one quoted string, stays as written.
 */
function safeValue(rest: string, escape: string): string | undefined {
  if (!/\s/.test(rest)) return rest;
  const special = (c: string): boolean => c === '"' || c === "'" || c === escape;
  if (/^"[^"]*"$/.test(rest) && ![...rest.slice(1, -1)].some((c) => c === escape)) return rest;
  if (/^'[^']*'$/.test(rest)) return rest;
  if (![...rest].some(special)) return `"${rest}"`;
  return undefined;
}

export default defineRule<{ keyword: string; key: string }>({
  id: 'legacy-key-value-format',
  severity: 'warning',
  description: 'ENV and LABEL should use `key=value`; the legacy `ENV key value` form is deprecated and cannot set several keys.',
  message: (d) => `"${d.keyword} ${d.key} ..." uses the legacy form: write ${d.keyword} ${d.key}=value`,
  aliases: ['LegacyKeyValueFormat'],
  scope: 'all',
  preset: 'recommended',
  fixable: true,
  create: (ctx) => {
    const check = (i: Instruction): void => {
      const words = i.words;
      if (words.length < 2 || words[0]!.includes('=')) return;
      const key = words[0]!;
      const rest = i.args.slice(key.length).trim();
      let fix;
      // Rewritten only on one line; the value is quoted when it holds spaces (the legacy form kept them).
      if (i.line === i.endLine) {
        const argsAt = i.raw.indexOf(i.args, i.keywordAsWritten.length);
        const value = safeValue(rest, ctx.df.directives.escape);
        if (argsAt >= 0 && value !== undefined) fix = { start: i.start + argsAt, end: i.start + argsAt + i.args.length, text: `${key}=${value}` };
      }
      ctx.report({ at: i, data: { keyword: i.keyword, key }, fix });
    };
    return { ENV: check, LABEL: check };
  },
});
