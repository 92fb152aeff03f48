import { defineRule } from '../rule.js';
import { variableSettings } from '../helpers/settings.js';

export default defineRule<{ keyword: string }>({
  id: 'python-https-verify-off',
  severity: 'error',
  description: 'PYTHONHTTPSVERIFY=0 turns off certificate checks in Python\'s HTTPS client.',
  message: (d) => `PYTHONHTTPSVERIFY=0 (in ${d.keyword}) disables HTTPS certificate verification in Python: install the CA certificate instead`,
  aliases: ['CKV2_DOCKER_5'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    instruction(i) {
      if (variableSettings(i).some((s) => s.name === 'PYTHONHTTPSVERIFY' && s.value === '0')) ctx.report({ at: i, data: { keyword: i.keyword } });
    },
  }),
});
