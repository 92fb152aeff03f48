import { isScratch } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { copyArgs } from '../helpers/copy.js';

export default defineRule({
  id: 'scratch-without-ca-certificates',
  severity: 'info',
  description: 'A scratch image has no CA certificates: if the app makes TLS calls, copy /etc/ssl/certs/ca-certificates.crt in (or use distroless/static, which has them).',
  message: () => 'the final stage is FROM scratch without CA certificates: HTTPS calls will fail with "x509: certificate signed by unknown authority"; COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ or use gcr.io/distroless/static',
  aliases: [],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    end() {
      const t = ctx.target;
      if (!t || t.baseStage !== undefined || !isScratch(t.resolvedBase)) return;
      const copies = t.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
      if (copies.length === 0) return;
      const hasCerts = copies.some((i) => copyArgs(i).sources.concat(copyArgs(i).dest ?? []).some((s) => /ssl|certs|ca-certificates|ca-bundle/.test(s)));
      if (!hasCerts) ctx.report({ at: t.from, data: undefined });
    },
  }),
});
