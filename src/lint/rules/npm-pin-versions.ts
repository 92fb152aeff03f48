import { defineRule } from '../rule.js';
import { callsOf, positionals } from '../helpers/commands.js';

export default defineRule<{ packages: string[] }>({
  id: 'npm-pin-versions',
  severity: 'info',
  description: 'npm install of named packages should pin versions (`typescript@5.6.3`); the project\'s own dependencies come from the lockfile.',
  message: (d) => `pin versions in npm install: ${d.packages.join(', ')} (package@version)`,
  aliases: ['DL3016'],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    RUN(i) {
      const unpinned: string[] = [];
      for (const c of callsOf(i, 'npm')) {
        const p = positionals(c.args, new Set(['--prefix', '--registry', '-w', '--workspace']));
        if (!['install', 'i', 'add'].includes(p[0] ?? '')) continue;
        for (const pkg of p.slice(1)) {
          const name = pkg.startsWith('@') ? pkg.slice(1) : pkg;
          if (name.includes('@') || pkg.startsWith('.') || pkg.startsWith('/') || pkg.startsWith('$') || pkg.includes(':') || /\.tgz$/.test(pkg)) continue;
          unpinned.push(pkg);
        }
      }
      if (unpinned.length > 0) ctx.report({ at: i, data: { packages: unpinned } });
    },
  }),
});
