import { defineRule } from '../rule.js';
import { callsOf, hasCacheMount, positionals } from '../helpers/commands.js';
import { variablesBefore } from '../../dockerfile/index.js';

export default defineRule({
  id: 'yarn-cache-clean',
  severity: 'warning',
  description: 'In shipped stages, yarn install should be followed by `yarn cache clean` in the same RUN (or use a cache mount for the yarn cache).',
  message: () => 'yarn install leaves its package cache in the layer: add `&& yarn cache clean` to this RUN, or mount a cache at /usr/local/share/.cache/yarn',
  aliases: ['DL3060'],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      const calls = callsOf(i, 'yarn');
      const installs = calls.filter((c) => {
        const p = positionals(c.args);
        return p.length === 0 || p[0] === 'install' || p[0] === 'add';
      });
      if (installs.length === 0) return;
      if (calls.some((c) => positionals(c.args)[0] === 'cache' && positionals(c.args)[1] === 'clean')) return;
      if (hasCacheMount(i, '/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn', '/home/node/.cache/yarn') || i.flags.some((f) => f.name === 'mount' && /type=cache/.test(f.value ?? '') && /yarn/.test(f.value ?? ''))) return;
      // Yarn Berry with a global cache folder configured elsewhere, or the cache disabled, is also fine.
      const env = variablesBefore(ctx.df, i);
      if (env.get('YARN_CACHE_FOLDER') !== undefined && i.flags.some((f) => f.name === 'mount' && /type=cache/.test(f.value ?? ''))) return;
      if (env.get('YARN_ENABLE_GLOBAL_CACHE') === 'false' && env.get('YARN_ENABLE_MIRROR') === 'false') return;
      ctx.report({ at: i, data: undefined });
    },
  }),
});
