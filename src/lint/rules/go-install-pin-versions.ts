import { defineRule } from '../rule.js';
import { callsOf, positionals } from '../helpers/commands.js';

export default defineRule<{ packages: string[] }>({
  id: 'go-install-pin-versions',
  severity: 'info',
  description: '`go install pkg@version` should name a version, not `@latest` (or nothing).',
  message: (d) => `pin versions in go install: ${d.packages.join(', ')} (pkg@vX.Y.Z)`,
  aliases: ['DL3062'],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    RUN(i) {
      const unpinned: string[] = [];
      for (const c of callsOf(i, 'go')) {
        const p = positionals(c.args, new Set(['-o', '-ldflags', '-tags', '-mod', '-modfile', '-gcflags']));
        if (p[0] !== 'install') continue;
        // Local packages (./cmd/x) are built from the module itself, versioned by go.mod.
        unpinned.push(...p.slice(1).filter((x) => !x.startsWith('.') && !x.startsWith('/') && !x.startsWith('$') && (!x.includes('@') || x.endsWith('@latest'))));
      }
      if (unpinned.length > 0) ctx.report({ at: i, data: { packages: unpinned } });
    },
  }),
});
