import { defineRule } from '../rule.js';
import { copiedBefore, copiesExplicitly, copiesFile, dependencyInstalls, LOCKFILES, MANIFESTS } from '../helpers/installs.js';

export default defineRule<{ install: string; manifest: string; lockfiles: string[] }>({
  id: 'install-without-lockfile',
  severity: 'warning',
  description: 'An install from manifests should see the lockfile: without it every build resolves versions afresh.',
  message: (d) => `\`${d.install}\` runs with ${d.manifest} but without its lockfile (${d.lockfiles.join(' or ')}): versions are resolved afresh on every build; copy the lockfile too`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i, stage) {
      if (!stage) return;
      for (const install of dependencyInstalls(i)) {
        if (install.frozen) continue; // frozen installs without a lockfile fail: their own rule says so
        const locks = LOCKFILES[install.tool];
        const manifests = MANIFESTS[install.tool];
        if (!locks || !manifests) continue;
        const copied = copiedBefore(ctx.df, stage, i);
        const manifest = manifests.find((m) => copiesFile(copied, m));
        if (!manifest) continue;
        if (locks.some((l) => copiesExplicitly(copied, l))) continue;
        if (copied.broad) {
          // With the whole context copied, only the context can say whether a lockfile exists.
          const bc = ctx.buildContext;
          if (!bc || locks.some((l) => bc.exists(l) && !bc.isIgnored(l)) || !bc.exists(manifest)) continue;
        }
        ctx.report({ at: i, data: { install: install.command, manifest, lockfiles: locks } });
        return;
      }
    },
  }),
});
