import { defineRule } from '../rule.js';
import { callsOf, positionals } from '../helpers/commands.js';
import { variableSettings } from '../helpers/settings.js';

export default defineRule<{ how: string }>({
  id: 'npm-strict-ssl-off',
  severity: 'error',
  description: 'npm and yarn must verify the registry\'s TLS certificate: no `strict-ssl false`, no NPM_CONFIG_STRICT_SSL=false.',
  message: (d) => `${d.how} turns off TLS verification for the package registry: packages could be swapped in transit`,
  aliases: ['CKV2_DOCKER_12', 'CKV2_DOCKER_13'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    instruction(i) {
      if (variableSettings(i).some((s) => s.name.toLowerCase() === 'npm_config_strict_ssl' && s.value?.toLowerCase() === 'false')) {
        ctx.report({ at: i, data: { how: 'NPM_CONFIG_STRICT_SSL=false' } });
        return;
      }
      if (i.keyword !== 'RUN') return;
      for (const c of callsOf(i, 'npm', 'yarn', 'pnpm')) {
        const p = positionals(c.args);
        const at = p[0] === 'set' ? 1 : (p[0] === 'config' || p[0] === 'c') && p[1] === 'set' ? 2 : -1;
        if (at < 0) continue;
        const key = p[at] ?? '';
        const value = key.includes('=') ? key.slice(key.indexOf('=') + 1) : p[at + 1];
        if (key.replace(/=.*$/, '') === 'strict-ssl' && value?.toLowerCase() === 'false') {
          ctx.report({ at: i, data: { how: `${c.tool} config set strict-ssl false` } });
          return;
        }
      }
    },
  }),
});
