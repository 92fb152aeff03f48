import { defineRule } from '../rule.js';
import { toolchainImage } from '../helpers/images.js';
import { buildCommand } from '../helpers/build.js';

export default defineRule<{ base: string; build: string }>({
  id: 'single-stage-toolchain',
  severity: 'warning',
  description: 'A single-stage build on a toolchain image ships the compilers and build dependencies: build in one stage, copy the result into a slim runtime stage.',
  message: (d) => `one stage builds (\`${d.build}\`) and ships on ${d.base}: the image carries the whole toolchain; add a runtime stage (slim or distroless) and COPY --from the build output`,
  aliases: [],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    end() {
      if (ctx.df.stages.length !== 1) return;
      const stage = ctx.df.stages[0]!;
      const tool = toolchainImage(stage.resolvedBase);
      if (!tool) return;
      for (const i of stage.instructions) {
        const build = i.keyword === 'RUN' ? buildCommand(i) : undefined;
        if (build) return ctx.report({ at: stage.from, data: { base: stage.resolvedBase, build } });
      }
    },
  }),
});
