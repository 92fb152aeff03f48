import { inheritedInstructions, resolveAt, rootImageStage } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { defaultUserIsNonRoot } from '../helpers/images.js';

export default defineRule<{ kind: 'explicit' | 'default'; base: string }>({
  id: 'final-user-root',
  severity: 'warning',
  description: 'The shipped stage should end with a non-root USER; a base image whose default user is not known to be non-root counts as root.',
  message: (d) =>
    d.kind === 'explicit'
      ? 'the image runs as root: the last USER of the final stage is root; switch to a non-root user after the steps that need root'
      : `the image runs as root: the final stage sets no USER and ${d.base} starts as root; add USER <non-root uid> (or use a :nonroot base)`,
  aliases: ['DL3002', 'DS-0002', 'CKV_DOCKER_3', 'CKV_DOCKER_8'],
  scope: 'final',
  preset: 'recommended',
  create: (ctx) => ({
    end() {
      const target = ctx.target;
      if (!target) return;
      const users = inheritedInstructions(ctx.df, target).filter((i) => i.keyword === 'USER');
      const last = users[users.length - 1];
      if (last) {
        const value = resolveAt(ctx.df, last, last.words[0] ?? '').value;
        const user = value.split(':')[0]!.replace(/^["']|["']$/g, '');
        if (user === 'root' || user === '0') ctx.report({ at: last, data: { kind: 'explicit', base: '' } });
        return;
      }
      const root = rootImageStage(ctx.df, target);
      if (defaultUserIsNonRoot(root.resolvedBase)) return;
      ctx.report({ at: target.from, data: { kind: 'default', base: root.resolvedBase || 'the base image' } });
    },
  }),
});
