import { defineRule } from '../rule.js';
import { hasCacheMount, hasOption, removes } from '../helpers/commands.js';
import { installs, pmCalls } from '../helpers/packages.js';

export default defineRule({
  id: 'apk-no-cache',
  severity: 'warning',
  description: 'In shipped stages, `apk add` should use `--no-cache` (or a cache mount at /var/cache/apk), so the index does not stay in the layer.',
  message: () => 'apk add without --no-cache leaves the package index in the layer: use `apk add --no-cache` (or mount a cache at /var/cache/apk)',
  aliases: ['DL3019', 'DS-0025'],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      const adds = installs(i, 'apk');
      if (adds.length === 0) return;
      if (hasCacheMount(i, '/var/cache/apk', '/etc/apk/cache')) return;
      if (removes(i, /^\/var\/cache\/apk(\/\*?)?$/)) return;
      if (adds.every((c) => hasOption(c.call.args, '--no-cache'))) return;
      // `apk update` + `apk add` + removal is handled above; `apk --update add` is what --no-cache replaces.
      if (pmCalls(i, 'apk').some((c) => c.sub === 'cache' && c.packages[0] === 'clean')) return;
      ctx.report({ at: i, data: undefined });
    },
  }),
});
