import { defineRule } from '../rule.js';

export default defineRule({
  id: 'redundant-target-platform',
  severity: 'info',
  description: '`FROM --platform=$TARGETPLATFORM` says what FROM does anyway; leave the flag out.',
  message: () => '--platform=$TARGETPLATFORM is the default: remove the flag',
  aliases: ['RedundantTargetPlatform'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    stage(stage) {
      if (stage.platform !== undefined && /^\$\{?TARGETPLATFORM\}?$/.test(stage.platform)) ctx.report({ at: stage.from, data: undefined });
    },
  }),
});
