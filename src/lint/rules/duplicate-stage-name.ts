import { defineRule } from '../rule.js';

export default defineRule<{ name: string; line: number }>({
  id: 'duplicate-stage-name',
  severity: 'error',
  description: 'Stage names must be unique (compared without case).',
  message: (d) => `stage name "${d.name}" is already used on line ${d.line}: stage names must be unique`,
  aliases: ['DL3024', 'DS-0012', 'CKV_DOCKER_11', 'DuplicateStageName'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    stage(stage) {
      if (stage.name === undefined) return;
      const first = ctx.df.stages.find((s) => s.name === stage.name && s.index < stage.index);
      if (first) ctx.report({ at: stage.from, data: { name: stage.nameAsWritten ?? stage.name, line: first.from.line } });
    },
  }),
});
