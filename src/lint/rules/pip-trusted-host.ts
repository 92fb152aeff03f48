import { defineRule } from '../rule.js';
import { callsOf, hasOption } from '../helpers/commands.js';
import { variableSettings } from '../helpers/settings.js';

export default defineRule<{ how: string }>({
  id: 'pip-trusted-host',
  severity: 'error',
  description: 'pip must verify the index\'s TLS certificate: no `--trusted-host`, no PIP_TRUSTED_HOST.',
  message: (d) => `${d.how} makes pip accept the host without a valid TLS certificate: install the CA certificate instead`,
  aliases: ['CKV2_DOCKER_4', 'CKV2_DOCKER_16'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    instruction(i) {
      if (variableSettings(i).some((s) => s.name === 'PIP_TRUSTED_HOST' && s.value !== undefined && s.value !== '')) {
        ctx.report({ at: i, data: { how: 'PIP_TRUSTED_HOST' } });
        return;
      }
      if (i.keyword === 'RUN' && callsOf(i, 'pip').some((c) => hasOption(c.args, '--trusted-host'))) ctx.report({ at: i, data: { how: 'pip --trusted-host' } });
    },
  }),
});
