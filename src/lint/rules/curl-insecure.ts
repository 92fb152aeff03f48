import { defineRule } from '../rule.js';
import { callsOf, hasOption } from '../helpers/commands.js';

export default defineRule({
  id: 'curl-insecure',
  severity: 'error',
  description: 'curl must verify TLS certificates: no `-k` / `--insecure`.',
  message: () => 'curl -k/--insecure downloads without checking the certificate: anyone on the path can replace the file',
  aliases: ['CKV2_DOCKER_2'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      if (callsOf(i, 'curl').some((c) => hasOption(c.args, '-k', '--insecure'))) ctx.report({ at: i, data: undefined });
    },
  }),
});
