import { defineRule } from '../rule.js';
import { callsOf, positionals } from '../helpers/commands.js';

const VALUE_OPTS = new Set(['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-t', '--target', '-e', '--editable', '--trusted-host', '-f', '--find-links', '--prefix', '--root', '--platform', '--python-version']);

export default defineRule<{ packages: string[] }>({
  id: 'pip-pin-versions',
  severity: 'info',
  description: 'pip install of named packages should pin versions (`flask==3.0.3`) or use a requirements/constraints file.',
  message: (d) => `pin versions in pip install: ${d.packages.join(', ')} (package==version)`,
  aliases: ['DL3013'],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    RUN(i) {
      const unpinned: string[] = [];
      for (const c of callsOf(i, 'pip')) {
        const p = positionals(c.args, VALUE_OPTS);
        if (p[0] !== 'install' || c.args.some((a) => a === '-c' || a === '--constraint' || a.startsWith('--constraint='))) continue;
        for (const pkg of p.slice(1)) {
          if (/[=<>~!@]/.test(pkg) || pkg.startsWith('.') || pkg.startsWith('/') || pkg.startsWith('$') || /\.(whl|tar\.gz|zip)$/.test(pkg) || /^[a-z+]+:\/\//.test(pkg)) continue;
          if (pkg === 'pip' || pkg === 'setuptools' || pkg === 'wheel') continue; // upgrading the installer itself
          unpinned.push(pkg);
        }
      }
      if (unpinned.length > 0) ctx.report({ at: i, data: { packages: unpinned } });
    },
  }),
});
