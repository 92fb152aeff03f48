import { defineRule, type Fix } from '../rule.js';

export default defineRule<{ value: string }>({
  id: 'expose-proto-casing',
  severity: 'info',
  description: 'The protocol in EXPOSE should be lower case (`/tcp`, `/udp`).',
  message: (d) => `EXPOSE ${d.value}: write the protocol in lower case (${d.value.toLowerCase()})`,
  aliases: ['ExposeProtoCasing'],
  scope: 'all',
  preset: 'recommended',
  fixable: true,
  create: (ctx) => ({
    EXPOSE(i) {
      const re = /\/(TCP|UDP|SCTP|[Tt][Cc][Pp]|[Uu][Dd][Pp]|[Ss][Cc][Tt][Pp])\b/g;
      const fixes: Fix[] = [];
      let m: RegExpExecArray | null;
      let first: string | undefined;
      while ((m = re.exec(i.raw))) {
        if (m[1] === m[1]!.toLowerCase()) continue;
        first ??= i.raw.slice(0, m.index + m[0].length).split(/\s+/).pop();
        fixes.push({ start: i.start + m.index + 1, end: i.start + m.index + m[0].length, text: m[1]!.toLowerCase() });
      }
      if (fixes.length > 0) ctx.report({ at: i, data: { value: first ?? '' }, fix: fixes });
    },
  }),
});
