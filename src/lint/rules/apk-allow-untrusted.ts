import { defineRule } from '../rule.js';
import { callsOf, hasOption } from '../helpers/commands.js';

export default defineRule({
  id: 'apk-allow-untrusted',
  severity: 'error',
  description: 'apk must check package signatures: no `--allow-untrusted`.',
  message: () => 'apk --allow-untrusted installs packages without checking their signature',
  aliases: ['CKV2_DOCKER_7'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      if (callsOf(i, 'apk').some((c) => hasOption(c.args, '--allow-untrusted'))) ctx.report({ at: i, data: undefined });
    },
  }),
});
