import { copyFromSource, rootImageStage, variablesBefore, type Instruction } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { goBuilds } from '../helpers/build.js';
import { isStaticBase } from '../helpers/images.js';

export default defineRule<{ base: string; stage: string }>({
  id: 'go-cgo-static',
  severity: 'error',
  description: 'A Go binary shipped on scratch or distroless/static must be built with CGO_ENABLED=0: with cgo it needs a libc that is not there.',
  message: (d) => `go build in stage "${d.stage}" runs with cgo on (the default when a C compiler is present) and the binary ships on ${d.base}, which has no libc: it fails with "no such file or directory"; set CGO_ENABLED=0`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    end() {
      const t = ctx.target;
      if (!t) return;
      const base = rootImageStage(ctx.df, t).resolvedBase;
      if (!isStaticBase(base)) return;
      const sources = new Set<number>();
      for (const i of t.instructions) {
        const src = copyFromSource(ctx.df, i);
        if (src?.stage !== undefined) sources.add(src.stage);
      }
      for (const s of sources) {
        const stage = ctx.df.stages[s]!;
        for (const i of stage.instructions as Instruction[]) {
          if (i.keyword !== 'RUN') continue;
          for (const b of goBuilds(i)) {
            const cgo = b.inlineCgo ?? variablesBefore(ctx.df, i).get('CGO_ENABLED');
            if (cgo === '0') continue;
            if (cgo !== undefined && cgo.includes('$')) continue;
            return ctx.report({ at: i, data: { base, stage: stage.nameAsWritten ?? String(stage.index) } });
          }
        }
      }
    },
  }),
});
