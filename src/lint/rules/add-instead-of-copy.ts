import { defineRule } from '../rule.js';
import { copySources } from '../helpers/copy.js';

export default defineRule<{ source: string }>({
  id: 'add-instead-of-copy',
  severity: 'warning',
  description: 'Use COPY for files and folders; ADD is for remote URLs, git repositories and archives to unpack.',
  message: (d) => `use COPY instead of ADD for ${d.source}: ADD also fetches URLs and unpacks archives, which COPY makes explicit`,
  aliases: ['DL3020', 'DS-0005', 'CKV_DOCKER_4'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    ADD(i) {
      if (i.heredocs.length > 0) return;
      const sources = copySources(i);
      // Archives (ADD unpacks them) and git/URL sources are what ADD is for.
      const plain = sources.filter((s) => !/\.(tar|tar\.(gz|bz2|xz|zst)|tgz|tbz2?|txz)$/i.test(s) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^git@/.test(s));
      if (plain.length > 0 && plain.length === sources.length) ctx.report({ at: i, data: { source: plain.join(' ') } });
    },
  }),
});
