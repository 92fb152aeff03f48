import { defineRule } from '../rule.js';
import { callsOf } from '../helpers/commands.js';
import { variableSettings } from '../helpers/settings.js';

export default defineRule<{ how: string }>({
  id: 'git-ssl-no-verify',
  severity: 'error',
  description: 'Git must verify TLS certificates: no GIT_SSL_NO_VERIFY, no `http.sslVerify false`.',
  message: (d) => `${d.how} makes git skip TLS certificate verification: a man in the middle can serve any code`,
  aliases: ['CKV2_DOCKER_14'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    instruction(i) {
      // Git treats any non-empty value as "do not verify", even 0.
      if (variableSettings(i).some((s) => s.name === 'GIT_SSL_NO_VERIFY' && s.value !== undefined && s.value !== '')) {
        ctx.report({ at: i, data: { how: 'GIT_SSL_NO_VERIFY' } });
        return;
      }
      if (i.keyword !== 'RUN') return;
      for (const c of callsOf(i, 'git')) {
        const a = c.args.map((x) => x.toLowerCase());
        const k = a.findIndex((x) => x === 'http.sslverify' || x.endsWith('.sslverify'));
        if ((a.includes('config') && k >= 0 && /^(false|0|no|off)$/.test(a[k + 1] ?? '')) || a.some((x) => /^http\.sslverify=(false|0|no|off)$/.test(x))) {
          ctx.report({ at: i, data: { how: 'git config http.sslVerify false' } });
          return;
        }
      }
    },
  }),
});
