import { defineRule } from '../rule.js';
import { exposedPorts } from '../helpers/expose.js';

export default defineRule<{ value: string }>({
  id: 'expose-invalid-format',
  severity: 'warning',
  description: 'EXPOSE takes container ports (`8080`, `8080/tcp`), not `host:container` mappings or IP addresses.',
  message: (d) => `EXPOSE ${d.value}: publishing (host:container, IP addresses) happens at run time (docker run -p); EXPOSE only names the container port`,
  aliases: ['ExposeInvalidFormat'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    EXPOSE(i) {
      for (const p of exposedPorts(ctx.df, i)) if (!p.unresolved && p.port.includes(':')) return ctx.report({ at: i, data: { value: p.value } });
    },
  }),
});
