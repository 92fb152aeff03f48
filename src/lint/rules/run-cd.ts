import { runCommands } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'run-cd',
  severity: 'warning',
  description: 'Use WORKDIR to change directory instead of `RUN cd ...`, which only lasts for that one RUN.',
  message: () => 'RUN cd changes directory for this RUN only: use WORKDIR for the following steps',
  aliases: ['DL3003', 'DS-0013'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      const cmds = runCommands(i);
      // `cd x && make` inside a subshell or a single-command RUN that only cds are both flagged:
      // hadolint and Trivy flag any cd used to reach a directory.
      if (cmds.some((c) => c.argv[0] === 'cd' && c.argv[1] !== undefined && c.argv[1] !== '-')) ctx.report({ at: i, data: undefined });
    },
  }),
});
