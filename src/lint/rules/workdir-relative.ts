import { resolveAt } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

export default defineRule<{ path: string }>({
  id: 'workdir-relative',
  severity: 'warning',
  description: 'WORKDIR should be an absolute path, so the directory does not depend on what came before.',
  message: (d) => `WORKDIR ${d.path} is relative: it is resolved against the previous WORKDIR; use an absolute path`,
  aliases: ['DL3000', 'DS-0009', 'CKV_DOCKER_10', 'WorkdirRelativePath'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    WORKDIR(i) {
      const raw = i.json?.[0] ?? i.words[0];
      if (raw === undefined) return;
      const path = resolveAt(ctx.df, i, raw.replace(/^["']|["']$/g, '')).value;
      // A variable that cannot be resolved may hold an absolute path: do not guess.
      if (path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path)) return;
      ctx.report({ at: i, data: { path } });
    },
  }),
});
