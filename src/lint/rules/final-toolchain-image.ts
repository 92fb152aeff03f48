import { rootImageStage } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { toolchainImage } from '../helpers/images.js';
import { buildCommand } from '../helpers/build.js';

export default defineRule<{ base: string; why: string }>({
  id: 'final-toolchain-image',
  severity: 'warning',
  description: 'The shipped stage should not be based on a toolchain image (node:20, golang, python:3.x, rust, maven...): use its slim or distroless runtime.',
  message: (d) => `the final stage is based on ${d.why}: ship on a runtime image (distroless, scratch or a slim variant) and keep ${d.base} for the build stage`,
  aliases: [],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    end() {
      const t = ctx.target;
      if (!t) return;
      const root = rootImageStage(ctx.df, t);
      const why = toolchainImage(root.resolvedBase);
      if (!why) return;
      // A single stage that builds is single-stage-toolchain's finding (one message for one problem).
      if (ctx.df.stages.length === 1 && t.instructions.some((i) => i.keyword === 'RUN' && buildCommand(i))) return;
      ctx.report({ at: t.from, data: { base: root.resolvedBase, why } });
    },
  }),
});
