import { defineRule } from '../rule.js';
import { callsOf, hasCacheMount, hasOption, positionals } from '../helpers/commands.js';
import { variablesBefore } from '../../dockerfile/index.js';

export default defineRule<{ tool: string }>({
  id: 'pip-no-cache-dir',
  severity: 'warning',
  description: 'In shipped stages, pip install should use `--no-cache-dir` (or a cache mount at /root/.cache/pip), so the download cache does not stay in the layer.',
  message: (d) => `${d.tool} install keeps its download cache in the layer: add --no-cache-dir, set PIP_NO_CACHE_DIR=1, or mount a cache at /root/.cache/pip`,
  aliases: ['DL3042'],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      const calls = callsOf(i, 'pip').filter((c) => positionals(c.args, new Set(['-r', '-c', '-i', '--index-url', '-t', '--target'])).includes('install'));
      if (calls.length === 0) return;
      if (hasCacheMount(i, '/root/.cache/pip', '/root/.cache') || i.flags.some((f) => f.name === 'mount' && /type=cache/.test(f.value ?? '') && /pip/.test(f.value ?? ''))) return;
      const env = variablesBefore(ctx.df, i);
      const noCache = env.get('PIP_NO_CACHE_DIR');
      if (noCache !== undefined && /^(1|true|yes|on|off|0|false)$/i.test(noCache)) return; // any value disables the cache in pip
      for (const c of calls) {
        if (hasOption(c.args, '--no-cache-dir', '--no-cache')) continue;
        if (c.command.argv.some((a) => /^PIP_NO_CACHE_DIR=/.test(a))) continue;
        ctx.report({ at: i, data: { tool: c.tool } });
        return;
      }
    },
  }),
});
