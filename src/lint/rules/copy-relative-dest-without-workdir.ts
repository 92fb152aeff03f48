import type { Instruction } from '../../dockerfile/index.js';
import { inheritedInstructions } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { copyArgs } from '../helpers/copy.js';

export default defineRule<{ keyword: string; dest: string }>({
  id: 'copy-relative-dest-without-workdir',
  severity: 'warning',
  description: 'A relative COPY destination needs a WORKDIR set earlier in the stage; otherwise it depends on the base image\'s working directory.',
  message: (d) => `${d.keyword} to "${d.dest}" is relative but no WORKDIR is set in this stage: it lands wherever the base image's working directory is; set WORKDIR first`,
  aliases: ['DL3045'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => {
    const check = (i: Instruction): void => {
      const stage = ctx.df.stages[i.stageIndex];
      if (!stage) return;
      const { dest } = copyArgs(i);
      if (dest === undefined || dest.startsWith('/') || dest.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dest)) return;
      const before = inheritedInstructions(ctx.df, stage).filter((x) => x.index < i.index || x.stageIndex !== i.stageIndex);
      if (before.some((x) => x.keyword === 'WORKDIR')) return;
      ctx.report({ at: i, data: { keyword: i.keyword, dest } });
    };
    return { COPY: check, ADD: check };
  },
});
