import type { Instruction } from '../../dockerfile/index.js';
import { resolveAt } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { copyArgs, normalizeSource } from '../helpers/copy.js';

/** Folders a build step before `docker build` usually creates: their absence at lint time proves nothing. */
const BUILD_OUTPUTS = /^(dist|build|out|target|bin|public\/build|\.next|coverage|artifacts?)(\/|$)/;

export default defineRule<{ source: string }>({
  id: 'copy-source-missing',
  severity: 'warning',
  description: 'A COPY or ADD source should exist in the build context; otherwise the build stops with "not found".',
  message: (d) => `${d.source} is not in the build context: the build fails with "not found" (wrong path, or a file that is generated later?)`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  needsContext: true,
  create: (ctx) => {
    const check = (i: Instruction): void => {
      const bc = ctx.buildContext!;
      if (i.flags.some((f) => f.name === 'from') || i.heredocs.length > 0) return;
      for (const s of copyArgs(i).sources) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^git@/.test(s) || /[*?[]/.test(s)) continue;
        const src = normalizeSource(resolveAt(ctx.df, i, s).value);
        if (src === '.' || src.includes('$') || src.startsWith('..') || BUILD_OUTPUTS.test(src)) continue;
        // An excluded path is copy-ignored-file's finding.
        if (!bc.exists(src) && !bc.isIgnored(src)) return ctx.report({ at: i, data: { source: src } });
      }
    };
    return { COPY: check, ADD: check };
  },
});
