import { defineRule, type Fix } from '../rule.js';
import { pmCalls } from '../helpers/packages.js';

/** Subcommands apt-get has with the same meaning: swapping the program name changes nothing else. */
const SAME_IN_APT_GET = new Set(['install', 'update', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'build-dep', 'source', 'download']);

export default defineRule<{ sub: string }>({
  id: 'apt-use-apt-get',
  severity: 'warning',
  description: 'Use apt-get (or apt-cache) in scripts: `apt` is for people, its output and behaviour may change between releases.',
  message: (d) => `use apt-get ${d.sub === 'full-upgrade' ? 'dist-upgrade' : d.sub} instead of apt ${d.sub}: apt has no stable command-line interface for scripts`,
  aliases: ['DL3027', 'CKV_DOCKER_9'],
  scope: 'all',
  preset: 'recommended',
  fixable: true,
  create: (ctx) => ({
    RUN(i) {
      const calls = pmCalls(i, 'apt');
      if (calls.length === 0) return;
      const fixes: Fix[] = [];
      // Fix only when every apt call has an apt-get equivalent; each `apt ` word followed by its subcommand.
      if (calls.every((c) => SAME_IN_APT_GET.has(c.sub) && c.sub !== 'full-upgrade')) {
        const re = /(^|[\s;&|(])apt(?=\s+(?:-\S+\s+)*(install|update|upgrade|dist-upgrade|remove|purge|autoremove|clean|autoclean|build-dep|source|download)\b)/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(i.raw))) {
          const start = i.start + m.index + m[1]!.length;
          fixes.push({ start, end: start + 3, text: 'apt-get' });
        }
        if (fixes.length !== calls.length) fixes.length = 0;
      }
      ctx.report({ at: i, data: { sub: calls[0]!.sub }, fix: fixes.length > 0 ? fixes : undefined });
    },
  }),
});
