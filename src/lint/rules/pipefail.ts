import { runScript, type Instruction } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'pipefail',
  severity: 'warning',
  description: 'A RUN with a pipe should run with `set -o pipefail` (or a SHELL with `-o pipefail`), or a failure on the left of the pipe goes unnoticed.',
  message: () => 'this RUN pipes commands: without `set -o pipefail` a failing command before `|` does not fail the build; add SHELL ["/bin/bash", "-o", "pipefail", "-c"] or start with `set -o pipefail &&`',
  aliases: ['DL4006'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => {
    const shellHasPipefail = (i: Instruction): boolean | undefined => {
      const stage = ctx.df.stages[i.stageIndex];
      const shells = stage?.instructions.filter((x) => x.keyword === 'SHELL' && x.index < i.index) ?? [];
      const last = shells[shells.length - 1];
      if (!last) return undefined;
      const argv = last.json ?? [];
      // A SHELL that is not POSIX-ish (pwsh, cmd) makes the rule meaningless.
      if (!/sh$/.test(argv[0] ?? '')) return true;
      return argv.some((a, k) => a === 'pipefail' && argv[k - 1] === '-o') || argv.includes('-eo') && argv.includes('pipefail');
    };
    return {
      RUN(i) {
        if (i.json) return;
        const script = runScript(i);
        if (!script?.hasPipe) return;
        if (shellHasPipefail(i)) return;
        if (/set\s+-[a-z]*o\s+pipefail|set\s+-o\s+pipefail|set\s+-[a-z]*\s+-o\s+pipefail/.test(script.text)) return;
        ctx.report({ at: i, data: undefined });
      },
    };
  },
});
