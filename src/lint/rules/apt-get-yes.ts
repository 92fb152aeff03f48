import { defineRule } from '../rule.js';
import { hasOption } from '../helpers/commands.js';
import { pmCalls } from '../helpers/packages.js';

const NEEDS_YES = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep']);

export default defineRule<{ tool: string; sub: string }>({
  id: 'apt-get-yes',
  severity: 'warning',
  description: '`apt-get install` (and upgrade, remove) needs -y: a build cannot answer the prompt.',
  message: (d) => `${d.tool} ${d.sub} without -y: the build cannot answer the confirmation prompt`,
  aliases: ['DL3014', 'DS-0021'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      for (const tool of ['apt-get', 'apt'] as const) {
        for (const c of pmCalls(i, tool)) {
          if (!NEEDS_YES.has(c.sub)) continue;
          const a = c.call.args;
          // -qq implies -y for apt-get; --force-yes answers too (and is flagged by its own rule).
          if (hasOption(a, '-y', '--yes', '--assume-yes', '--force-yes') || a.includes('-qq') || a.includes('-q=2') || a.includes('--quiet=2')) continue;
          ctx.report({ at: i, data: { tool, sub: c.sub } });
        }
      }
    },
  }),
});
