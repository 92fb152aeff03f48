import { defineRule } from '../rule.js';
import { callsOf, positionals } from '../helpers/commands.js';

export default defineRule({
  id: 'shell-via-symlink',
  severity: 'warning',
  description: 'Use SHELL to change the shell, not `ln -s ... /bin/sh`, which silently changes every script in the image.',
  message: () => 'replacing /bin/sh with a symlink changes the shell for every script in the image: use the SHELL instruction for the build',
  aliases: ['DL4005'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      if (callsOf(i, 'ln').some((c) => positionals(c.args).slice(-1)[0] === '/bin/sh')) ctx.report({ at: i, data: undefined });
    },
  }),
});
