import { defineRule } from '../rule.js';
import { variableSettings } from '../helpers/settings.js';

export default defineRule<{ keyword: string }>({
  id: 'node-tls-reject-unauthorized',
  severity: 'error',
  description: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks for every Node.js TLS connection.',
  message: (d) => `NODE_TLS_REJECT_UNAUTHORIZED=0 (in ${d.keyword}) disables TLS certificate verification in Node.js: add the CA instead (NODE_EXTRA_CA_CERTS)`,
  aliases: ['CKV2_DOCKER_6'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    instruction(i) {
      if (variableSettings(i).some((s) => s.name === 'NODE_TLS_REJECT_UNAUTHORIZED' && s.value === '0')) ctx.report({ at: i, data: { keyword: i.keyword } });
    },
  }),
});
