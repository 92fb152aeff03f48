import { defineRule } from '../rule.js';
import { pmCalls } from '../helpers/packages.js';

export default defineRule<{ sub: string }>({
  id: 'apt-dist-upgrade',
  severity: 'warning',
  description: 'Do not run `apt-get dist-upgrade` in a build: it can switch major package versions under the base image; use a newer base image tag.',
  message: (d) => `apt-get ${d.sub} may replace or remove base-image packages: move to a newer base image tag instead`,
  aliases: ['DS-0024'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      const c = [...pmCalls(i, 'apt-get'), ...pmCalls(i, 'apt')].find((x) => x.sub === 'dist-upgrade' || x.sub === 'full-upgrade');
      if (c) ctx.report({ at: i, data: { sub: c.sub } });
    },
  }),
});
