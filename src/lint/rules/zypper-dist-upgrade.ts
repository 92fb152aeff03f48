import { defineRule } from '../rule.js';
import { pmCalls } from '../helpers/packages.js';

export default defineRule({
  id: 'zypper-dist-upgrade',
  severity: 'warning',
  description: 'Do not run `zypper dist-upgrade` in a build: it can move the whole distribution under the base image; use a newer base image tag.',
  message: () => 'zypper dist-upgrade may replace base-image packages with another release: use a newer base image tag instead',
  aliases: ['DL3035'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      if (pmCalls(i, 'zypper').some((c) => c.sub === 'dist-upgrade' || c.sub === 'dup')) ctx.report({ at: i, data: undefined });
    },
  }),
});
