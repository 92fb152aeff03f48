import { defineRule } from '../rule.js';
import { copyArgs, normalizeSource } from '../helpers/copy.js';
import type { Instruction } from '../../dockerfile/index.js';

const SECRET_FILE = /(^|\/)(\.env(\.[^/]*)?|id_(rsa|dsa|ecdsa|ed25519)|[^/]*\.(pem|key|p12|pfx|jks|keystore)|\.npmrc|\.pypirc|\.netrc|\.git-credentials|credentials(\.json)?|\.aws|\.ssh|\.docker\/config\.json|secrets?(\.[a-z]+)?|service-account[^/]*\.json|kubeconfig)$/i;
const NOT_SECRET = /\.(example|sample|template|dist|defaults?)$|(^|\/)\.env\.(example|sample|template|dist|defaults?)$|public[^/]*\.(pem|key)$|\.pub$/i;

export default defineRule<{ source: string }>({
  id: 'secret-file-copied',
  severity: 'error',
  description: 'Do not COPY secrets (.env, private keys, .npmrc, cloud credentials) into an image: every layer is readable by whoever pulls it; use a build secret mount.',
  message: (d) => `${d.source} looks like a secret: it stays readable in the image layers; pass it with RUN --mount=type=secret instead`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => {
    const check = (i: Instruction): void => {
      if (i.flags.some((f) => f.name === 'from')) return;
      for (const s of copyArgs(i).sources) {
        const n = normalizeSource(s);
        if (SECRET_FILE.test(n) && !NOT_SECRET.test(n)) return ctx.report({ at: i, data: { source: s } });
      }
    };
    return { COPY: check, ADD: check };
  },
});
