import { defineRule } from '../rule.js';

export default defineRule({
  id: 'maintainer-deprecated',
  severity: 'warning',
  description: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors.',
  message: () => 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="..."',
  aliases: ['DL4000', 'DS-0022', 'CKV_DOCKER_6', 'MaintainerDeprecated'],
  scope: 'all',
  preset: 'recommended',
  fixable: true,
  create: (ctx) => ({
    MAINTAINER(i) {
      const value = i.args.replace(/^["']|["']$/g, '');
      const text = `LABEL org.opencontainers.image.authors=${JSON.stringify(value)}`;
      // Multi-line MAINTAINER (continuations) is rare; only single-line ones are rewritten.
      const fix = i.line === i.endLine ? { start: i.start, end: i.end, text } : undefined;
      ctx.report({ at: i, data: undefined, fix });
    },
  }),
});
