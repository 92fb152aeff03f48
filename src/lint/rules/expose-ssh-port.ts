import { defineRule } from '../rule.js';
import { exposedPorts } from '../helpers/expose.js';

export default defineRule({
  id: 'expose-ssh-port',
  severity: 'warning',
  description: 'Do not expose port 22: containers are reached with `docker exec`, and an SSH server is one more thing to patch and attack.',
  message: () => 'EXPOSE 22 suggests an SSH server in the container: use docker exec / kubectl exec instead',
  aliases: ['DS-0004', 'CKV_DOCKER_1'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    EXPOSE(i) {
      const has22 = exposedPorts(ctx.df, i).some((p) => {
        if (p.unresolved) return false;
        const [a, b] = p.port.split('-').map(Number);
        return b === undefined ? a === 22 : a! <= 22 && 22 <= b;
      });
      if (has22) ctx.report({ at: i, data: undefined });
    },
  }),
});
