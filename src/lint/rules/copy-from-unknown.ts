import { copyFromSource, parseImageRef } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

export default defineRule<{ from: string; later: boolean }>({
  id: 'copy-from-unknown',
  severity: 'warning',
  description: 'COPY --from should name a stage defined earlier (or a full image reference), not a typo or a later stage.',
  message: (d) =>
    d.later
      ? `COPY --from=${d.from} names a stage defined later in the file: move that stage above this one`
      : `COPY --from=${d.from} is no stage defined above: BuildKit will try to pull an image called "${d.from}"`,
  aliases: ['DL3022'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    COPY(i) {
      const src = copyFromSource(ctx.df, i);
      if (!src || src.stage !== undefined || src.self || src.unresolved) return;
      const name = src.resolved.toLowerCase();
      const later = ctx.df.stages.some((s) => s.name === name && s.index > i.stageIndex);
      // A reference with a registry, a tag or a digest is clearly an image.
      const ref = parseImageRef(src.resolved);
      if (!later && (ref.tag !== undefined || ref.digest !== undefined || ref.registry !== undefined || src.resolved.includes('/'))) return;
      if (/^\d+$/.test(name) && Number(name) < i.stageIndex) return;
      ctx.report({ at: i, data: { from: src.resolved, later } });
    },
  }),
});
