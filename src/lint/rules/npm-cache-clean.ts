import { defineRule } from '../rule.js';
import { callsOf, hasCacheMount, positionals } from '../helpers/commands.js';
import { dependencyInstalls } from '../helpers/installs.js';

export default defineRule<{ command: string }>({
  id: 'npm-cache-clean',
  severity: 'warning',
  description: 'In shipped stages, an npm install should use a cache mount at /root/.npm (or run `npm cache clean --force` in the same RUN), so the package cache does not stay in the layer.',
  message: (d) => `\`${d.command}\` leaves npm's package cache (~/.npm) in the layer: use RUN --mount=type=cache,target=/root/.npm (faster rebuilds too), or add \`&& npm cache clean --force\``,
  aliases: [],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      const npm = dependencyInstalls(i).find((d) => d.tool === 'npm');
      const global = callsOf(i, 'npm').find((c) => ['install', 'i'].includes(positionals(c.args)[0] ?? '') && positionals(c.args).length > 1);
      const command = npm?.command ?? (global ? ['npm', ...global.args].join(' ') : undefined);
      if (!command) return;
      if (hasCacheMount(i, '/root/.npm', '/home/node/.npm', '/usr/local/share/.cache/npm') || i.flags.some((f) => f.name === 'mount' && /type=cache/.test(f.value ?? '') && /npm/.test(f.value ?? ''))) return;
      if (callsOf(i, 'npm').some((c) => positionals(c.args)[0] === 'cache' && positionals(c.args)[1] === 'clean')) return;
      if (callsOf(i, 'rm').some((c) => c.args.some((a) => /\.npm\/?(\*)?$/.test(a)))) return;
      ctx.report({ at: i, data: { command } });
    },
  }),
});
