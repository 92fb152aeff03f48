import { inheritedInstructions, type Instruction } from '../../dockerfile/index.js';
import { defineRule, type Fix } from '../rule.js';

/** Characters that need a shell: expansions, operators, redirections, globs, quotes. */
const SHELL_SYNTAX = /[$&|;<>*?`'"\\(){}[\]~#!]|^\s*\w+=/;

export default defineRule<{ keyword: string }>({
  id: 'json-args-recommended',
  severity: 'warning',
  description: 'CMD and ENTRYPOINT should use the JSON (exec) form, so the process gets signals directly instead of through /bin/sh.',
  message: (d) => `${d.keyword} in shell form runs under /bin/sh -c, which does not forward SIGTERM: use the JSON form ${d.keyword} ["executable", "arg"]`,
  aliases: ['DL3025', 'JSONArgsRecommended'],
  scope: 'all',
  preset: 'recommended',
  fixable: true,
  create: (ctx) => {
    const check = (i: Instruction): void => {
      if (i.json !== null || i.args === '') return;
      // BuildKit accepts shell form when the stage sets SHELL explicitly; so do we.
      const stage = ctx.df.stages[i.stageIndex];
      if (stage?.instructions.some((x) => x.keyword === 'SHELL' && x.index < i.index)) return;
      let fix: Fix | undefined;
      // CMD and ENTRYPOINT combine: with the other one set in the stage, changing the form changes
      // what runs (a shell-form ENTRYPOINT ignores CMD; an exec-form one gets CMD as arguments).
      const other = i.keyword === 'CMD' ? 'ENTRYPOINT' : 'CMD';
      const combined = stage !== undefined && inheritedInstructions(ctx.df, stage).some((x) => x.keyword === other);
      if (i.line === i.endLine && !SHELL_SYNTAX.test(i.args) && !combined) {
        const argsStart = i.start + i.raw.indexOf(i.args, i.keywordAsWritten.length);
        fix = { start: argsStart, end: argsStart + i.args.length, text: JSON.stringify(i.args.split(/\s+/)).replace(/","/g, '", "') };
      }
      ctx.report({ at: i, data: { keyword: i.keyword }, fix });
    };
    return { CMD: check, ENTRYPOINT: check };
  },
});
