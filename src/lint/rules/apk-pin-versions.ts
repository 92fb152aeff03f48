import { defineRule } from '../rule.js';
import { installs, namedPackages } from '../helpers/packages.js';

export default defineRule<{ packages: string[] }>({
  id: 'apk-pin-versions',
  severity: 'info',
  description: 'apk add should pin package versions (`curl=8.5.0-r0` or `curl~8.5`) so rebuilds install the same packages.',
  message: (d) => `pin versions in apk add: ${d.packages.join(', ')} (package=version)`,
  aliases: ['DL3018'],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    RUN(i) {
      const unpinned = installs(i, 'apk').flatMap((c) => namedPackages(c.packages).filter((p) => !/[=~<>]/.test(p) && !p.startsWith('.')));
      if (unpinned.length > 0) ctx.report({ at: i, data: { packages: unpinned } });
    },
  }),
});
