import { defineRule } from '../rule.js';
import { installs, namedPackages } from '../helpers/packages.js';

export default defineRule<{ packages: string[] }>({
  id: 'apt-pin-versions',
  severity: 'info',
  description: 'apt-get install should pin package versions (`curl=8.5.0-2`) so rebuilds install the same packages.',
  message: (d) => `pin versions in apt-get install: ${d.packages.join(', ')} (package=version)`,
  aliases: ['DL3008'],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    RUN(i) {
      const unpinned = [...installs(i, 'apt-get'), ...installs(i, 'apt')].flatMap((c) => namedPackages(c.packages).filter((p) => !p.includes('=')));
      if (unpinned.length > 0) ctx.report({ at: i, data: { packages: unpinned } });
    },
  }),
});
