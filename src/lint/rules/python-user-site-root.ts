import { inheritedInstructions, resolveAt } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { callsOf, hasOption, positionals } from '../helpers/commands.js';
import { copyArgs } from '../helpers/copy.js';

export default defineRule<{ how: string; user: string }>({
  id: 'python-user-site-root',
  severity: 'error',
  description: 'Python packages installed in /root/.local (pip --user as root) are unreadable by a non-root USER: install into a virtualenv (or PYTHONUSERBASE) the user can read.',
  message: (d) => `${d.how} puts packages under /root/.local, but the image runs as ${d.user}, who cannot read /root: install into a virtualenv (python -m venv /opt/venv) and copy that`,
  aliases: [],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    end() {
      const t = ctx.target;
      if (!t) return;
      const all = inheritedInstructions(ctx.df, t);
      const users = all.filter((i) => i.keyword === 'USER');
      const last = users[users.length - 1];
      if (!last) return;
      const user = resolveAt(ctx.df, last, last.words[0] ?? '').value.split(':')[0]!;
      if (user === 'root' || user === '0' || user.includes('$')) return;
      for (const i of all) {
        if (i.index > last.index && i.stageIndex === last.stageIndex) break;
        const userBefore = users.filter((u) => u.index < i.index).pop();
        const asRoot = !userBefore || /^(root|0)(:|$)/.test(userBefore.words[0] ?? '');
        if (i.keyword === 'RUN' && asRoot && callsOf(i, 'pip').some((c) => positionals(c.args)[0] === 'install' && hasOption(c.args, '--user'))) {
          return ctx.report({ at: i, data: { how: 'pip install --user (as root)', user } });
        }
        if (i.keyword === 'COPY' && copyArgs(i).dest?.startsWith('/root/.local')) {
          return ctx.report({ at: i, data: { how: `COPY to ${copyArgs(i).dest}`, user } });
        }
      }
    },
  }),
});
