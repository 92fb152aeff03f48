import { defineRule } from '../rule.js';
import type { Dockerfile, Instruction, Stage } from '../../dockerfile/index.js';
import { inheritedInstructions } from '../../dockerfile/index.js';
import { copyArgs } from '../helpers/copy.js';
import { copiedBefore, copiesExplicitly, dependencyInstalls, LOCKFILES } from '../helpers/installs.js';

/**
 * Files brought from other stages before `before` (`COPY --from=build /app/package.json ./`), by
 * name. `unknown` when a source may be a folder or a glob: it could carry the lockfile.
 */
function filesFromStages(df: Dockerfile, stage: Stage, before: Instruction): { names: string[]; unknown: boolean } {
  const names: string[] = [];
  let unknown = false;
  for (const i of inheritedInstructions(df, stage)) {
    if (i === before || (i.stageIndex === before.stageIndex && i.index >= before.index)) break;
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || !i.flags.some((f) => f.name === 'from')) continue;
    const { sources, dest } = copyArgs(i);
    // a folder copied into a sub-folder (`./dist`, `node_modules/`) cannot put a lockfile beside the manifests
    const intoSubfolder = dest !== undefined && /^(\.\/)?[^/.][^/]*\/?$/.test(dest);
    for (const s of sources) {
      const trimmed = s.replace(/\/+$/, '');
      const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
      // a name with an extension is a file; anything else may be a folder holding a lockfile
      if (/[*?[$]/.test(base) || !/\.[A-Za-z0-9]+$/.test(base)) {
        if (!intoSubfolder) unknown = true;
      } else names.push(base);
    }
  }
  return { names, unknown };
}

export default defineRule<{ install: string; lockfiles: string[] }>({
  id: 'frozen-install-without-lockfile',
  severity: 'error',
  description: '`npm ci`, `--frozen-lockfile`, `--immutable` and `uv sync --locked` fail when the stage has no lockfile: copy it before.',
  message: (d) => `\`${d.install}\` needs a lockfile (${d.lockfiles.join(' or ')}) but none is copied into this stage before it: the build will fail`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i, stage) {
      if (!stage) return;
      for (const install of dependencyInstalls(i)) {
        if (!install.frozen) continue;
        const locks = LOCKFILES[install.tool];
        if (!locks) continue;
        const copied = copiedBefore(ctx.df, stage, i);
        const fromStages = filesFromStages(ctx.df, stage, i);
        if (fromStages.unknown || locks.some((l) => fromStages.names.includes(l))) continue;
        // nothing copied at all: a bind mount or a base stage may provide it (but the guide's runner
        // stage copies package.json alone from the build stage: that is the bug, not an unknown)
        if (copied.sources.length === 0 && fromStages.names.length === 0) continue;
        if (i.flags.some((f) => f.name === 'mount' && f.value !== null && /type=bind/.test(f.value))) continue;
        if (locks.some((l) => copiesExplicitly(copied, l))) continue;
        if (copied.broad) {
          const bc = ctx.buildContext;
          if (!bc || locks.some((l) => bc.exists(l) && !bc.isIgnored(l))) continue;
        }
        ctx.report({ at: i, data: { install: install.command, lockfiles: locks } });
        return;
      }
    },
  }),
});
