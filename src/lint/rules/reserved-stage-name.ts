import { defineRule } from '../rule.js';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule<{ name: string }>({
  id: 'reserved-stage-name',
  severity: 'error',
  description: 'A stage cannot be called `scratch` or `context`: those names are reserved by the builder.',
  message: (d) => `"${d.name}" is a reserved name (scratch, context): rename the stage`,
  aliases: ['ReservedStageName', 'DL3063'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    stage(stage) {
      if (stage.name !== undefined && RESERVED.has(stage.name)) ctx.report({ at: stage.from, data: { name: stage.nameAsWritten! } });
    },
  }),
});
