import { defineRule } from '../rule.js';
import { callsOf, hasOption } from '../helpers/commands.js';

export default defineRule({
  id: 'wget-progress',
  severity: 'info',
  description: 'wget in a build should use `--progress=dot:giga` or `-q`/`-nv`: the default progress bar floods the build log.',
  message: () => 'wget without --progress (or -q/-nv) fills the build log with progress output: add --progress=dot:giga or -nv',
  aliases: ['DL3047'],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    RUN(i) {
      if (callsOf(i, 'wget').some((c) => !hasOption(c.args, '--progress', '-q', '--quiet', '-nv', '--no-verbose'))) ctx.report({ at: i, data: undefined });
    },
  }),
});
