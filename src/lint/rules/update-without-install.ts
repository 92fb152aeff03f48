import { defineRule } from '../rule.js';
import { pmCalls, type OsPackageManager } from '../helpers/packages.js';

const PAIRS: { pm: OsPackageManager; update: string[]; install: string[] }[] = [
  { pm: 'apt-get', update: ['update'], install: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source'] },
  { pm: 'apt', update: ['update'], install: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade'] },
  { pm: 'apk', update: ['update'], install: ['add', 'upgrade'] },
  { pm: 'yum', update: ['makecache'], install: ['install', 'upgrade', 'update'] },
  { pm: 'dnf', update: ['makecache'], install: ['install', 'upgrade', 'update'] },
  { pm: 'zypper', update: ['refresh', 'ref'], install: ['install', 'in', 'update', 'up'] },
];

export default defineRule<{ command: string }>({
  id: 'update-without-install',
  severity: 'warning',
  description: 'A package index update must run in the same RUN as the install: alone, its cached layer goes stale and later installs use old indexes.',
  message: (d) => `\`${d.command}\` runs without an install in the same RUN: its layer is cached, so a later install reads a stale index; use \`${d.command} && ... install\` in one RUN`,
  aliases: ['DS-0017', 'CKV_DOCKER_5'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      for (const { pm, update, install } of PAIRS) {
        const calls = pmCalls(i, pm);
        const up = calls.find((c) => update.includes(c.sub));
        if (up && !calls.some((c) => install.includes(c.sub) && c !== up)) {
          ctx.report({ at: i, data: { command: `${pm} ${up.sub}` } });
          return;
        }
      }
    },
  }),
});
