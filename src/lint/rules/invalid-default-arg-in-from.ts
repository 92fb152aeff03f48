import { defineRule } from '../rule.js';
import { parseImageRef, referencedNames } from '../../dockerfile/index.js';

/** The reference grammar of distribution/reference, reduced to what matters for a FROM line. */
function isValidReference(r: string): boolean {
  if (r.trim() !== r || r === '' || /\s/.test(r)) return false;
  const ref = parseImageRef(r);
  if (ref.repository === '' || !ref.repository.split('/').every((c) => /^[a-z0-9]+([._-]+[a-z0-9]+)*$/.test(c))) return false;
  if (ref.tag !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(ref.tag)) return false;
  if (ref.digest !== undefined && !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/.test(ref.digest)) return false;
  return true;
}

export default defineRule<{ base: string; resolved: string }>({
  id: 'invalid-default-arg-in-from',
  severity: 'warning',
  description: 'With the ARG defaults, every FROM must resolve to a valid image reference, so the file builds without --build-arg.',
  message: (d) => `FROM ${d.base} resolves to "${d.resolved}" with the ARG defaults, which is not a valid image: give the ARG a default`,
  aliases: ['InvalidDefaultArgInFrom'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    stage(stage) {
      if (!stage.base.includes('$')) return;
      const names = referencedNames(stage.base, ctx.df.directives.escape);
      // Only ARGs that exist (a missing ARG is undefined-arg-in-from's finding).
      if (!names.every((n) => ctx.df.globalArgs.some((a) => a.name === n))) return;
      const r = stage.resolvedBase;
      const valid = isValidReference(r);
      if (!valid) ctx.report({ at: stage.from, data: { base: stage.base, resolved: r } });
    },
  }),
});
