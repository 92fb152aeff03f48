import { defineRule } from '../rule.js';
import { callsOf, hasOption, optionValue } from '../helpers/commands.js';

export default defineRule<{ uid: string }>({
  id: 'useradd-no-log-init',
  severity: 'warning',
  description: 'useradd with a large UID needs `-l` (--no-log-init), or the sparse lastlog file can grow the layer by gigabytes.',
  message: (d) => `useradd -u ${d.uid} without -l writes a huge sparse /var/log/lastlog: add -l (--no-log-init)`,
  aliases: ['DL3046'],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    RUN(i) {
      for (const c of callsOf(i, 'useradd')) {
        const uid = optionValue(c.args, '-u', '--uid');
        if (uid === undefined || !/^\d{6,}$/.test(uid)) continue;
        if (!hasOption(c.args, '-l', '--no-log-init')) return ctx.report({ at: i, data: { uid } });
      }
    },
  }),
});
