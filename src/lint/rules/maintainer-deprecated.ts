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
      // Outer quotes only when they pair up (`"Jane" <j@x>` keeps its quote); `$` escaped, since LABEL
      // expands variables and MAINTAINER does not (the label must say what MAINTAINER said).
      const value = /^(["']).*\1$/.test(i.args) && i.args.length >= 2 ? i.args.slice(1, -1) : i.args;
      const esc = ctx.df.directives.escape;
      const text = `LABEL org.opencontainers.image.authors="${[...value].map((c) => (c === esc || c === '"' || c === '$' ? `${esc}${c}` : c)).join('')}"`;
      // Multi-line MAINTAINER (continuations) is rare; only single-line ones are rewritten.
      const fix = i.line === i.endLine ? { start: i.start, end: i.end, text } : undefined;
      ctx.report({ at: i, data: undefined, fix });
    },
  }),
});
