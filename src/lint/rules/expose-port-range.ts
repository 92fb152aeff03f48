import { defineRule } from '../rule.js';
import { exposedPorts } from '../helpers/expose.js';

export default defineRule<{ value: string }>({
  id: 'expose-port-range',
  severity: 'error',
  description: 'Exposed ports must be numbers from 0 to 65535 (or a range `a-b`), with protocol tcp, udp or sctp.',
  message: (d) => `EXPOSE ${d.value} is not a valid port: use 0-65535, optionally /tcp, /udp or /sctp`,
  aliases: ['DL3011', 'DS-0008'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    EXPOSE(i) {
      for (const p of exposedPorts(ctx.df, i)) {
        if (p.unresolved || p.port.includes(':')) continue;
        const parts = p.port.split('-');
        const bad = parts.length > 2 || parts.some((x) => !/^\d+$/.test(x) || Number(x) > 65535) || (p.proto !== undefined && !/^(tcp|udp|sctp)$/i.test(p.proto));
        if (bad) return ctx.report({ at: i, data: { value: p.value } });
      }
    },
  }),
});
