import type { Instruction } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { copyArgs } from '../helpers/copy.js';

export default defineRule<{ keyword: string; dest: string }>({
  id: 'copy-multiple-sources-dest',
  severity: 'error',
  description: 'COPY or ADD with several sources needs a destination folder ending in `/`.',
  message: (d) => `${d.keyword} with several sources needs a folder as destination: write "${d.dest}/"`,
  aliases: ['DL3021', 'DS-0011'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => {
    const check = (i: Instruction): void => {
      const { sources, dest } = copyArgs(i);
      if (sources.length < 2 || dest === undefined) return;
      if (dest.endsWith('/') || dest.endsWith('\\') || dest === '.' || dest.startsWith('$')) return;
      ctx.report({ at: i, data: { keyword: i.keyword, dest } });
    };
    return { COPY: check, ADD: check };
  },
});
