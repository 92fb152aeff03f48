import { defineRule, type Fix } from '../rule.js';
import { callsOf } from '../helpers/commands.js';

const DEPRECATED = /(^|\s)(--only[= ]prod(uction)?|--production(=true)?)(?=\s|$)/;

export default defineRule<{ flag: string }>({
  id: 'npm-only-production',
  severity: 'warning',
  description: 'The npm flags `--only=production` and `--production` are deprecated; `--omit=dev` says the same and keeps working.',
  message: (d) => `npm ${d.flag} is deprecated (npm 8+ warns, later versions ignore it): use --omit=dev`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  fixable: true,
  create: (ctx) => ({
    RUN(i) {
      const npm = callsOf(i, 'npm').filter((c) => ['ci', 'install', 'i', 'prune'].includes(c.args.find((a) => !a.startsWith('-')) ?? ''));
      for (const c of npm) {
        const flag = c.args.find((a) => /^--only[=]?prod(uction)?$|^--production(=true)?$/.test(a) || a === '--only');
        if (!flag) continue;
        const fixes: Fix[] = [];
        // Rewrite every spelling in the raw text of this RUN; the replacement means the same to npm.
        const re = new RegExp(DEPRECATED.source, 'g');
        let m: RegExpExecArray | null;
        while ((m = re.exec(i.raw))) {
          const start = i.start + m.index + m[1]!.length;
          fixes.push({ start, end: start + m[2]!.length, text: '--omit=dev' });
        }
        ctx.report({ at: i, data: { flag: flag === '--only' ? '--only production' : flag }, fix: fixes });
        return;
      }
    },
  }),
});
