import { parseKeyValues } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

export default defineRule<{ key: string }>({
  id: 'invalid-label-key',
  severity: 'info',
  description: 'Label keys should be lower-case reverse-DNS names (`org.opencontainers.image.source`) without reserved prefixes.',
  message: (d) => `label key "${d.key}" should be lower case letters, digits, dots and dashes, start and end with a letter or digit, and not use the reserved com.docker./io.docker./org.dockerproject. prefixes`,
  aliases: ['DL3048'],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    LABEL(i) {
      for (const kv of parseKeyValues(i.args)) {
        const k = kv.key;
        if (k.includes('$')) continue;
        const ok = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(k) && !/\.\.|--/.test(k) && !/^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/.test(k);
        if (!ok) return ctx.report({ at: i, data: { key: k } });
      }
    },
  }),
});
