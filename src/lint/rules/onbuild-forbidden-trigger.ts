import { defineRule } from '../rule.js';

export default defineRule<{ keyword: string }>({
  id: 'onbuild-forbidden-trigger',
  severity: 'error',
  description: 'ONBUILD cannot trigger FROM, MAINTAINER or another ONBUILD.',
  message: (d) => `ONBUILD ${d.keyword} is not allowed: the builder refuses FROM, MAINTAINER and ONBUILD as triggers`,
  aliases: ['DL3043'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    ONBUILD(i) {
      const kw = (i.words[0] ?? '').toUpperCase();
      if (kw === 'FROM' || kw === 'MAINTAINER' || kw === 'ONBUILD') ctx.report({ at: i, data: { keyword: kw } });
    },
  }),
});
