import { defineRule } from '../rule.js';

export default defineRule<{ feature: string }>({
  id: 'syntax-directive-missing',
  severity: 'info',
  description: 'Features of newer Dockerfile syntax (heredocs, COPY --link, --parents, --exclude, ADD --checksum) need a `# syntax=docker/dockerfile:1` line to build on older engines.',
  message: (d) => `${d.feature} needs Dockerfile syntax 1.4 or later: builders older than Docker 23 refuse it unless the file starts with # syntax=docker/dockerfile:1`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    instruction(i) {
      if (ctx.df.directives.syntax !== undefined) return;
      let feature: string | undefined;
      if (i.heredocs.length > 0) feature = `a heredoc in ${i.keyword}`;
      else if (i.keyword === 'COPY' || i.keyword === 'ADD') {
        const flag = i.flags.find((f) => ['link', 'parents', 'exclude', 'checksum', 'keep-git-dir'].includes(f.name));
        if (flag) feature = `${i.keyword} --${flag.name}`;
      }
      if (feature) ctx.report({ at: i, data: { feature } });
    },
  }),
});
