import { defineRule } from '../rule.js';
import { callsOf, positionals } from '../helpers/commands.js';

export default defineRule({
  id: 'yum-sslverify-off',
  severity: 'error',
  description: 'Repositories must keep TLS verification: no `config-manager --setopt=sslverify=0`.',
  message: () => 'config-manager --setopt=...sslverify=0 turns off TLS verification for the repository',
  aliases: ['CKV2_DOCKER_15'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      for (const c of callsOf(i, 'yum-config-manager', 'dnf-config-manager', 'yum', 'dnf')) {
        const isManager = c.tool.endsWith('-config-manager') || positionals(c.args)[0] === 'config-manager';
        if (!isManager) continue;
        const values = c.args.flatMap((a, k) => (a === '--setopt' ? [c.args[k + 1] ?? ''] : a.startsWith('--setopt=') ? [a.slice(9)] : []));
        if (values.some((v) => /(^|\.)sslverify=(0|false|no|off)$/i.test(v))) return ctx.report({ at: i, data: undefined });
      }
    },
  }),
});
