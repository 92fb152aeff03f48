import { defineRule } from '../rule.js';

export default defineRule<{ root: string }>({
  id: 'dockerignore-missing',
  severity: 'warning',
  description: 'A build that copies from its context needs a .dockerignore, or .git, node_modules, secrets and logs are sent to the builder and can end up in the image.',
  message: () => 'the build context has no .dockerignore: everything (.git, node_modules, .env, logs) is sent to the builder and `COPY . .` puts it in the image; add one (stagecraft init writes one)',
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  needsContext: true,
  create: (ctx) => ({
    end() {
      const bc = ctx.buildContext!;
      if (bc.dockerignore) return;
      const copy = ctx.df.instructions.find((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name === 'from') && i.heredocs.length === 0);
      if (copy) ctx.report({ at: copy, data: { root: bc.root } });
    },
  }),
});
