import { rootImageStage } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { hasNoShell } from '../helpers/images.js';

export default defineRule<{ keyword: string; base: string; when: string }>({
  id: 'shell-form-without-shell',
  severity: 'error',
  description: 'A stage on scratch or distroless has no /bin/sh: RUN, CMD, ENTRYPOINT and HEALTHCHECK there must use the JSON (exec) form.',
  message: (d) => `${d.keyword} in shell form needs /bin/sh, which ${d.base} does not have: ${d.when} fails with "exec: /bin/sh: no such file"; use the JSON form, or do the work in a build stage`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    instruction(i, stage) {
      if (!stage || !['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(i.keyword)) return;
      const base = rootImageStage(ctx.df, stage).resolvedBase;
      if (!hasNoShell(base)) return;
      // A SHELL instruction names another interpreter (copied in); trust it.
      if (stage.instructions.some((x) => x.keyword === 'SHELL' && x.index < i.index)) return;
      let shellForm: boolean;
      if (i.keyword === 'HEALTHCHECK') {
        const m = /^CMD\s+(.*)$/is.exec(i.args.replace(/^(--\S+\s+)*/, ''));
        shellForm = m !== null && !m[1]!.trim().startsWith('[');
      } else shellForm = i.json === null && i.args !== '' && i.heredocs.length === 0 ? true : i.heredocs.length > 0 && i.keyword === 'RUN';
      if (!shellForm) return;
      ctx.report({ at: i, data: { keyword: i.keyword, base, when: i.keyword === 'RUN' ? 'the build' : 'the container' } });
    },
  }),
});
