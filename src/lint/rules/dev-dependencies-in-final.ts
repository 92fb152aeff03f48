import { copyFromSource, inheritedInstructions, variablesBefore, type Instruction } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { callsOf, positionals } from '../helpers/commands.js';
import { copyArgs } from '../helpers/copy.js';
import { dependencyInstalls } from '../helpers/installs.js';

export default defineRule<{ what: string; hint: string }>({
  id: 'dev-dependencies-in-final',
  severity: 'warning',
  description: 'The shipped stage should hold production dependencies only: install with --omit=dev (or the tool\'s equivalent), or prune before copying node_modules.',
  message: (d) => `${d.what} puts dev dependencies in the shipped image: ${d.hint}`,
  aliases: [],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => {
    const hintFor = (tool: string): string =>
      ({ npm: 'use npm ci --omit=dev', yarn: 'use yarn workspaces focus --production (berry) or yarn install --production', pnpm: 'use pnpm install --prod', bun: 'use bun install --production', poetry: 'use poetry install --only main', uv: 'use uv sync --no-dev', pipenv: 'drop --dev', pip: 'install the runtime requirements file only' })[tool] ?? 'install production dependencies only';
    const productionEnv = (i: Instruction): boolean => variablesBefore(ctx.df, i).get('NODE_ENV') === 'production' || callsOf(i, 'npm', 'yarn', 'pnpm', 'bun').some((c) => c.command.argv.includes('NODE_ENV=production'));
    /** Did this stage end with all dependencies (an install that kept dev deps, no prune after)? */
    const stageHasDevDeps = (stageIndex: number): string | undefined => {
      const s = ctx.df.stages[stageIndex];
      if (!s) return undefined;
      let state: string | undefined;
      for (const i of inheritedInstructions(ctx.df, s)) {
        if (i.keyword !== 'RUN') continue;
        for (const inst of dependencyInstalls(i)) {
          if (inst.ecosystem !== 'node') continue;
          state = inst.productionOnly || productionEnv(i) ? undefined : inst.tool;
        }
        if (callsOf(i, 'npm', 'pnpm', 'yarn').some((c) => positionals(c.args)[0] === 'prune' || (positionals(c.args)[0] === 'workspaces' && positionals(c.args)[1] === 'focus'))) state = undefined;
      }
      return state;
    };
    return {
      RUN(i) {
        for (const inst of dependencyInstalls(i)) {
          if (inst.productionOnly) continue;
          if (inst.ecosystem === 'node' && productionEnv(i)) continue;
          if (inst.ecosystem !== 'node' && inst.ecosystem !== 'python') continue;
          return ctx.report({ at: i, data: { what: `\`${inst.command}\``, hint: hintFor(inst.tool) } });
        }
      },
      COPY(i) {
        const src = copyFromSource(ctx.df, i);
        if (src?.stage === undefined) return;
        if (!copyArgs(i).sources.some((s) => /(^|\/)node_modules\/?$/.test(s))) return;
        const tool = stageHasDevDeps(src.stage);
        if (tool) ctx.report({ at: i, data: { what: `node_modules copied from stage "${src.resolved}" (installed with dev dependencies)`, hint: `prune first (npm prune --omit=dev) or install production dependencies in a separate stage` } });
      },
    };
  },
});
