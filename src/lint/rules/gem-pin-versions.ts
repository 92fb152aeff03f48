import { defineRule } from '../rule.js';
import { callsOf, hasOption, positionals } from '../helpers/commands.js';

export default defineRule<{ packages: string[] }>({
  id: 'gem-pin-versions',
  severity: 'info',
  description: 'gem install should pin versions (`gem install rails:7.1.3` or `-v 7.1.3`).',
  message: (d) => `pin versions in gem install: ${d.packages.join(', ')} (gem:version or -v)`,
  aliases: ['DL3028'],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    RUN(i) {
      const unpinned: string[] = [];
      for (const c of callsOf(i, 'gem')) {
        const p = positionals(c.args, new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source']));
        if (p[0] !== 'install' || hasOption(c.args, '-v', '--version')) continue;
        unpinned.push(...p.slice(1).filter((g) => !g.includes(':') && !g.startsWith('$') && !g.endsWith('.gem')));
      }
      if (unpinned.length > 0) ctx.report({ at: i, data: { packages: unpinned } });
    },
  }),
});
