import { runCommands } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'sudo',
  severity: 'warning',
  description: 'RUN should not use sudo: build steps already run as the current USER, and sudo in an image is an escalation path.',
  message: () => 'do not use sudo in RUN: switch with USER root for the steps that need it, then back to the non-root user',
  aliases: ['DL3004', 'DS-0010', 'CKV2_DOCKER_1'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      if (runCommands(i).some((c) => c.argv.some((w, k) => (w === 'sudo' || w.endsWith('/sudo')) && c.argv.slice(0, k).every((p) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(p) || p === 'env' || p === 'exec')))) {
        ctx.report({ at: i, data: undefined });
      }
    },
  }),
});
