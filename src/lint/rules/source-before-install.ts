import { inheritedInstructions } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { copiedBefore, dependencyInstalls } from '../helpers/installs.js';

export default defineRule<{ install: string; copyLine: number }>({
  id: 'source-before-install',
  severity: 'warning',
  description: 'Copy the dependency manifests and install before copying the source, so a code change does not re-run the install.',
  message: (d) => `the whole source is copied (line ${d.copyLine}) before \`${d.install}\`: every code change re-runs the install; copy the manifests and lockfile first, install, then copy the rest`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i, stage) {
      if (!stage) return;
      const install = dependencyInstalls(i)[0];
      if (!install) return;
      const copied = copiedBefore(ctx.df, stage, i);
      // Only a copy of the stage's own context counts; a broad copy in a parent stage is the parent's concern.
      if (!copied.broad || copied.broad.stageIndex !== stage.index) return;
      // The dependencies were installed before the source came in (this stage or the one it is FROM):
      // this second run installs the project itself, which is the pattern the rule asks for.
      const earlier = inheritedInstructions(ctx.df, stage).filter((x) => x.keyword === 'RUN' && (x.stageIndex !== stage.index || x.index < copied.broad!.index));
      if (earlier.some((x) => dependencyInstalls(x).some((d) => d.ecosystem === install.ecosystem))) return;
      ctx.report({ at: copied.broad, data: { install: install.command, copyLine: copied.broad.line } });
    },
  }),
});
