import { defineRule } from '../rule.js';
import { copiedBefore, copiesExplicitly, dependencyInstalls, LOCKFILES } from '../helpers/installs.js';

export default defineRule<{ install: string; lockfiles: string[] }>({
  id: 'frozen-install-without-lockfile',
  severity: 'error',
  description: '`npm ci`, `--frozen-lockfile`, `--immutable` and `uv sync --locked` fail when the stage has no lockfile: copy it before.',
  message: (d) => `\`${d.install}\` needs a lockfile (${d.lockfiles.join(' or ')}) but none is copied into this stage before it: the build will fail`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i, stage) {
      if (!stage) return;
      for (const install of dependencyInstalls(i)) {
        if (!install.frozen) continue;
        const locks = LOCKFILES[install.tool];
        if (!locks) continue;
        const copied = copiedBefore(ctx.df, stage, i);
        if (copied.sources.length === 0) continue; // nothing copied at all: a bind mount or a base stage may provide it
        if (i.flags.some((f) => f.name === 'mount' && f.value !== null && /type=bind/.test(f.value))) continue;
        if (locks.some((l) => copiesExplicitly(copied, l))) continue;
        if (copied.broad) {
          const bc = ctx.buildContext;
          if (!bc || locks.some((l) => bc.exists(l) && !bc.isIgnored(l))) continue;
        }
        ctx.report({ at: i, data: { install: install.command, lockfiles: locks } });
        return;
      }
    },
  }),
});
