import { defineRule } from '../rule.js';
import { callsOf } from '../helpers/commands.js';

export default defineRule({
  id: 'chpasswd',
  severity: 'warning',
  description: 'Do not set passwords with chpasswd in a build: the password ends up in the image history and in every container.',
  message: () => 'chpasswd sets a password at build time: it is visible in the image history and shared by every container; use a locked account (no password) instead',
  aliases: ['CKV2_DOCKER_17'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      if (callsOf(i, 'chpasswd').length > 0) ctx.report({ at: i, data: undefined });
    },
  }),
});
