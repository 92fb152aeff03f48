import { defineRule } from '../rule.js';
import { callsOf, hasOption } from '../helpers/commands.js';

export default defineRule({
  id: 'wget-no-check-certificate',
  severity: 'error',
  description: 'wget must verify TLS certificates: no `--no-check-certificate`.',
  message: () => 'wget --no-check-certificate downloads without checking the certificate: anyone on the path can replace the file',
  aliases: ['CKV2_DOCKER_3'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      if (callsOf(i, 'wget').some((c) => hasOption(c.args, '--no-check-certificate'))) ctx.report({ at: i, data: undefined });
    },
  }),
});
