import { defineRule } from '../rule.js';
import { copySources } from '../helpers/copy.js';

const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst)|tgz|tbz2?|txz)$/i;

export default defineRule<{ source: string; kind: 'local' | 'url' }>({
  id: 'add-instead-of-copy',
  severity: 'warning',
  description: 'Use COPY for files and folders; keep ADD for local archives to unpack, and give remote ADD sources a --checksum.',
  message: (d) =>
    d.kind === 'url'
      ? `ADD ${d.source} downloads without verifying the file: add --checksum=sha256:... (or download with curl and check it)`
      : `use COPY instead of ADD for ${d.source}: ADD also fetches URLs and unpacks archives, which COPY makes explicit`,
  aliases: ['DL3020', 'DS-0005', 'CKV_DOCKER_4'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    ADD(i) {
      if (i.heredocs.length > 0) return;
      const sources = copySources(i);
      const remote = sources.filter((s) => URL.test(s) && !/\.git(#.*)?$/.test(s));
      if (remote.length > 0 && !i.flags.some((f) => f.name === 'checksum')) {
        ctx.report({ at: i, data: { source: remote[0]!, kind: 'url' } });
        return;
      }
      // Local archives (ADD unpacks them) and git sources are what ADD is for.
      const plain = sources.filter((s) => !ARCHIVE.test(s) && !URL.test(s) && !/^git@/.test(s));
      if (plain.length > 0 && plain.length === sources.length) ctx.report({ at: i, data: { source: plain.join(' '), kind: 'local' } });
    },
  }),
});
