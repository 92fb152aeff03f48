import { defineRule } from '../rule.js';
import { hasCacheMount, removes } from '../helpers/commands.js';
import { installs, pmCalls } from '../helpers/packages.js';

export default defineRule({
  id: 'apt-lists-not-removed',
  severity: 'warning',
  description: 'A RUN that installs with apt-get in a shipped stage should remove /var/lib/apt/lists (or use a cache mount for it) in the same RUN.',
  message: () => 'apt package lists stay in this layer (tens of MB): add `&& rm -rf /var/lib/apt/lists/*` to this RUN, or mount a cache at /var/lib/apt/lists',
  aliases: ['DL3009'],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      const updates = pmCalls(i, 'apt-get').concat(pmCalls(i, 'apt')).filter((c) => c.sub === 'update');
      if (updates.length === 0 && installs(i, 'apt-get').length === 0) return;
      if (updates.length === 0) return; // lists come from an update: an install alone downloads none
      if (hasCacheMount(i, '/var/lib/apt/lists', '/var/lib/apt')) return;
      if (removes(i, /^\/var\/lib\/apt\/lists(\/\*?)?$|^\/var\/lib\/apt\/?$/)) return;
      ctx.report({ at: i, data: undefined });
    },
  }),
});
