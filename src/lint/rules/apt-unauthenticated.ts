import { defineRule } from '../rule.js';
import { callsOf, hasOption } from '../helpers/commands.js';

export default defineRule<{ flag: string }>({
  id: 'apt-unauthenticated',
  severity: 'error',
  description: 'apt-get must check package signatures: no `--allow-unauthenticated`, no `--force-yes`.',
  message: (d) => `apt-get ${d.flag} installs packages whose signature could not be checked`,
  aliases: ['CKV2_DOCKER_8', 'CKV2_DOCKER_11'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      for (const c of callsOf(i, 'apt-get', 'apt')) {
        const flag = ['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories'].find((f) => hasOption(c.args, f)) ?? (c.args.some((a) => /AllowUnauthenticated=(true|1|yes)/i.test(a)) ? '-o APT::Get::AllowUnauthenticated=true' : undefined);
        if (flag) {
          ctx.report({ at: i, data: { flag } });
          return;
        }
      }
    },
  }),
});
