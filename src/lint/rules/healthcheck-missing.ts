import { inheritedInstructions } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'healthcheck-missing',
  severity: 'info',
  description: 'The shipped stage may declare a HEALTHCHECK (or `HEALTHCHECK NONE`), so plain Docker and Compose can tell a hung container from a healthy one.',
  message: () => 'no HEALTHCHECK in the final stage: add one (or HEALTHCHECK NONE when the orchestrator probes the container itself)',
  aliases: ['DL3057', 'DS-0026', 'CKV_DOCKER_2'],
  scope: 'final',
  preset: 'all',
  create: (ctx) => ({
    end() {
      const t = ctx.target;
      if (!t || inheritedInstructions(ctx.df, t).some((i) => i.keyword === 'HEALTHCHECK')) return;
      ctx.report({ at: t.from, data: undefined });
    },
  }),
});
