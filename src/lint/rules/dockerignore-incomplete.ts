import { defineRule } from '../rule.js';
import { copiedBefore } from '../helpers/installs.js';

const SHOULD_EXCLUDE: { path: string; why: string }[] = [
  { path: '.git', why: 'the whole repository history' },
  { path: 'node_modules', why: 'host-built dependencies (wrong platform, and reinstalled anyway)' },
  { path: '.env', why: 'secrets' },
  { path: 'npm-debug.log', why: 'logs' },
  { path: 'yarn-error.log', why: 'logs' },
  { path: 'logs', why: 'logs' },
];

export default defineRule<{ paths: string[]; file: string }>({
  id: 'dockerignore-incomplete',
  severity: 'warning',
  description: 'When the whole context is copied, the .dockerignore should exclude .git, node_modules, .env and logs that exist in it.',
  message: (d) => `${d.file} lets ${d.paths.join(', ')} through and \`COPY . .\` copies them into the image: add ${d.paths.map((p) => (p === '.git' || p === 'node_modules' ? `**/${p}`.replace('**/.git', '.git') : p)).join(', ')} to it`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  needsContext: true,
  create: (ctx) => ({
    end() {
      const bc = ctx.buildContext!;
      if (!bc.dockerignore) return;
      for (const stage of ctx.df.stages) {
        const last = stage.instructions[stage.instructions.length - 1]!;
        const copied = copiedBefore(ctx.df, stage, { ...last, index: last.index + 1 });
        if (!copied.broad || copied.broad.stageIndex !== stage.index) continue;
        const through = SHOULD_EXCLUDE.filter((e) => bc.exists(e.path) && !bc.isIgnored(e.path)).map((e) => e.path);
        if (through.length > 0) return ctx.report({ at: copied.broad, data: { paths: through, file: bc.dockerignore.file } });
      }
    },
  }),
});
