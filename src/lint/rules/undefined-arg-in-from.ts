import { defineRule } from '../rule.js';
import { referencedNames } from '../../dockerfile/index.js';

/** BuildKit defines these for FROM without an ARG. */
export const PLATFORM_ARGS = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE']);

export default defineRule<{ name: string }>({
  id: 'undefined-arg-in-from',
  severity: 'warning',
  description: 'A variable used in FROM must be declared by an ARG before the first FROM.',
  message: (d) => `FROM uses $${d.name}, which no ARG before the first FROM declares: it expands to an empty string`,
  aliases: ['UndefinedArgInFrom'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    stage(stage) {
      const text = [stage.base, stage.platform ?? ''].join(' ');
      for (const name of new Set(referencedNames(text, ctx.df.directives.escape))) {
        if (PLATFORM_ARGS.has(name)) continue;
        if (!ctx.df.globalArgs.some((a) => a.name === name)) ctx.report({ at: stage.from, data: { name } });
      }
    },
  }),
});
