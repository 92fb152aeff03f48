import type { Instruction } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { literalContextSources } from '../helpers/copy.js';

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
      if (!bc.dockerignore) return;
      const src = literalContextSources(ctx.df, i).find((p) => bc.isIgnored(p));
      if (src === undefined) return;
      const p = bc.dockerignore.matcher.decidingPattern(src);
      ctx.report({ at: i, data: { source: src, pattern: p?.source ?? '?', file: bc.dockerignore.file } });
    };
    return { COPY: check, ADD: check };
  },
});
