import { copyFromSource } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { copyArgs, normalizeSource } from '../helpers/copy.js';

export default defineRule<{ from: string }>({
  id: 'copy-whole-stage',
  severity: 'warning',
  description: 'Copy the files you need from another stage, not its whole filesystem (`COPY --from=build / /`).',
  message: (d) => `COPY --from=${d.from} / copies the stage's entire filesystem (toolchain, caches, sources): copy only the built artefacts`,
  aliases: ['DL3067'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    COPY(i) {
      const src = copyFromSource(ctx.df, i);
      if (!src || src.stage === undefined) return;
      if (copyArgs(i).sources.some((s) => normalizeSource(s) === '.' && (s === '/' || s === '/.' || s === '/*'))) ctx.report({ at: i, data: { from: src.resolved } });
    },
  }),
});
