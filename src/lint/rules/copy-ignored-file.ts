import type { Instruction } from '../../dockerfile/index.js';
import { resolveAt } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { copyArgs, normalizeSource } from '../helpers/copy.js';

export default defineRule<{ source: string; pattern: string; file: string }>({
  id: 'copy-ignored-file',
  severity: 'error',
  description: 'COPY and ADD cannot see paths that .dockerignore excludes: the build fails (or silently copies less).',
  message: (d) => `${d.source} is excluded by ${d.file} (pattern "${d.pattern}"): COPY cannot see it; remove the pattern or add an exception (!${d.source})`,
  aliases: ['CopyIgnoredFile'],
  scope: 'all',
  preset: 'recommended',
  needsContext: true,
  create: (ctx) => {
    const check = (i: Instruction): void => {
      const bc = ctx.buildContext!;
      if (!bc.dockerignore || i.flags.some((f) => f.name === 'from') || i.heredocs.length > 0) return;
      for (const s of copyArgs(i).sources) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /[*?[]/.test(s)) continue;
        const src = normalizeSource(resolveAt(ctx.df, i, s).value);
        if (src === '.' || src.includes('$')) continue;
        if (bc.isIgnored(src)) {
          const p = bc.dockerignore.matcher.decidingPattern(src);
          return ctx.report({ at: i, data: { source: src, pattern: p?.source ?? '?', file: bc.dockerignore.file } });
        }
      }
    };
    return { COPY: check, ADD: check };
  },
});
