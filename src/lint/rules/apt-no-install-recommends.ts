import { defineRule } from '../rule.js';
import { hasOption } from '../helpers/commands.js';
import { installs } from '../helpers/packages.js';

export default defineRule<{ tool: string }>({
  id: 'apt-no-install-recommends',
  severity: 'info',
  description: 'Shipped stages should install with `--no-install-recommends`, so only the packages you ask for (and their dependencies) land in the image.',
  message: (d) => `${d.tool} install without --no-install-recommends also installs "recommended" packages you did not ask for`,
  aliases: ['DL3015', 'DS-0029'],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      for (const tool of ['apt-get', 'apt'] as const) {
        for (const c of installs(i, tool)) {
          const a = c.call.args;
          if (hasOption(a, '--no-install-recommends') || a.some((x) => /Install-Recommends=(false|0|no)/i.test(x))) continue;
          ctx.report({ at: i, data: { tool } });
          return;
        }
      }
    },
  }),
});
