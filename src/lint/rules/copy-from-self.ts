import { copyFromSource } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

export default defineRule<{ from: string }>({
  id: 'copy-from-self',
  severity: 'error',
  description: 'COPY --from cannot name the stage it is in.',
  message: (d) => `COPY --from=${d.from} refers to the stage it is in: a stage cannot copy from itself`,
  aliases: ['DL3023', 'DS-0006'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    COPY(i) {
      const src = copyFromSource(ctx.df, i);
      if (src?.self) ctx.report({ at: i, data: { from: src.resolved } });
    },
  }),
});
