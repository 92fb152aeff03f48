import { defineRule } from '../rule.js';
import { callsOf, hasOption } from '../helpers/commands.js';

export default defineRule<{ how: string }>({
  id: 'rpm-signature-check-disabled',
  severity: 'error',
  description: 'rpm, yum, dnf and tdnf must check package signatures and digests: no `--nogpgcheck`, `--nosignature`, `--nodigest`, `--noverify`.',
  message: (d) => `${d.how} installs packages without checking their signature`,
  aliases: ['CKV2_DOCKER_9', 'CKV2_DOCKER_10'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      for (const c of callsOf(i, 'yum', 'dnf', 'tdnf', 'microdnf', 'zypper')) {
        if (hasOption(c.args, '--nogpgcheck', '--no-gpg-checks')) return ctx.report({ at: i, data: { how: `${c.tool} ${hasOption(c.args, '--nogpgcheck') ? '--nogpgcheck' : '--no-gpg-checks'}` } });
      }
      for (const c of callsOf(i, 'rpm')) {
        const flag = ['--nosignature', '--nodigest', '--noverify', '--nofiledigest'].find((f) => hasOption(c.args, f));
        if (flag) return ctx.report({ at: i, data: { how: `rpm ${flag}` } });
      }
    },
  }),
});
