import type { Instruction } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { literalContextSources } from '../helpers/copy.js';

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
      // git@ sources are remote (ADD of a repository); `..` cannot be in the context anyway.
      const wanted = literalContextSources(ctx.df, i).filter((src) => !/^git@/.test(src) && !src.startsWith('..') && !BUILD_OUTPUTS.test(src));
      // An excluded path is copy-ignored-file's finding.
      const src = wanted.find((p) => !bc.exists(p) && !bc.isIgnored(p));
      if (src !== undefined) ctx.report({ at: i, data: { source: src } });
    };
    return { COPY: check, ADD: check };
  },
});
