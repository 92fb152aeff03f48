import { defineRule } from '../rule.js';
import { callsOf, hasOption, positionals, toolCalls } from '../helpers/commands.js';

const PMS = new Set(['pnpm', 'yarn', 'poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'npm']);

export default defineRule<{ what: string }>({
  id: 'package-manager-in-final',
  severity: 'warning',
  description: 'Install package managers (pnpm, yarn, poetry, uv...) in the build stage, not in the shipped one: they are not needed to run the app.',
  message: (d) => `${d.what} installs a package manager into the shipped image: do the install in a build stage and copy only the result`,
  aliases: [],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      for (const c of callsOf(i, 'npm')) {
        const p = positionals(c.args);
        if ((p[0] === 'install' || p[0] === 'i') && hasOption(c.args, '-g', '--global')) {
          const pm = p.slice(1).find((x) => PMS.has(x.replace(/@[^@]*$/, '')));
          if (pm) return ctx.report({ at: i, data: { what: `npm install -g ${pm}` } });
        }
      }
      for (const c of callsOf(i, 'pip')) {
        const p = positionals(c.args);
        const pm = p[0] === 'install' ? p.slice(1).find((x) => PMS.has(x.replace(/[=<>~!].*$/, ''))) : undefined;
        if (pm) return ctx.report({ at: i, data: { what: `pip install ${pm}` } });
      }
      if (toolCalls(i).some((c) => c.tool === 'corepack' && positionals(c.args)[0] === 'enable')) return ctx.report({ at: i, data: { what: 'corepack enable' } });
      if (/install\.python-poetry\.org|astral\.sh\/uv\/install|get\.pnpm\.io/.test(i.args)) return ctx.report({ at: i, data: { what: 'the installer script' } });
    },
  }),
});
