import { inheritedInstructions, parseShell, rootImageStage } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { installs } from '../helpers/packages.js';
import { copyArgs } from '../helpers/copy.js';
import { hasNoShell, missingTools } from '../helpers/images.js';

export default defineRule<{ tool: string; base: string }>({
  id: 'healthcheck-tool-missing',
  severity: 'error',
  description: 'A HEALTHCHECK must call a program the image has: slim, Alpine and distroless images lack curl (and most lack wget).',
  message: (d) => `the HEALTHCHECK calls ${d.tool}, which ${d.base} does not have: the check always fails and the container is marked unhealthy; install it, or check with the runtime itself (node -e, python -c) or the app's own health flag`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    HEALTHCHECK(i, stage) {
      if (!stage) return;
      const rest = i.args.replace(/^(--\S+\s+)*/, '');
      const m = /^CMD\s+(.*)$/is.exec(rest);
      if (!m) return;
      const body = m[1]!.trim();
      let argv0: string[];
      try {
        const json: unknown = body.startsWith('[') ? JSON.parse(body) : undefined;
        argv0 = Array.isArray(json) ? [String(json[0] ?? '')] : parseShell(body).commands.map((c) => c.argv[0] ?? '');
      } catch {
        argv0 = parseShell(body).commands.map((c) => c.argv[0] ?? '');
      }
      const tools = argv0.map((a) => a.slice(a.lastIndexOf('/') + 1)).filter((t) => t === 'curl' || t === 'wget');
      if (tools.length === 0) return;
      const base = rootImageStage(ctx.df, stage).resolvedBase;
      const missing = missingTools(base);
      if (!missing) return;
      const chain = inheritedInstructions(ctx.df, stage);
      const installed = new Set(chain.flatMap((x) => [...installs(x, 'apt-get'), ...installs(x, 'apt'), ...installs(x, 'apk'), ...installs(x, 'dnf'), ...installs(x, 'microdnf'), ...installs(x, 'yum')]).flatMap((c) => c.packages.map((p) => p.replace(/[=~<>].*$/, ''))));
      const copied = chain.some((x) => (x.keyword === 'COPY' || x.keyword === 'ADD') && copyArgs(x).sources.concat(copyArgs(x).dest ?? []).some((s) => /(^|\/)(curl|wget)$/.test(s)));
      for (const t of tools) {
        if (!missing.has(t) || installed.has(t) || copied) continue;
        // Shell form on a shell-less image is shell-form-without-shell's finding already.
        if (hasNoShell(base) && !body.startsWith('[')) return;
        return ctx.report({ at: i, data: { tool: t, base } });
      }
    },
  }),
});
