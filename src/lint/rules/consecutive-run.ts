import { defineRule } from '../rule.js';

export default defineRule<{ count: number }>({
  id: 'consecutive-run',
  severity: 'info',
  description: 'Consecutive RUN instructions with nothing between them can often be one RUN (one layer); cache mounts, comments and blank lines mark intended splits.',
  message: (d) => `${d.count} RUN instructions in a row: consider joining them with && into one layer`,
  aliases: ['DL3059'],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    stage(stage) {
      let run: typeof stage.instructions = [];
      const flush = (): void => {
        if (run.length >= 2) ctx.report({ at: run[1]!, data: { count: run.length } });
        run = [];
      };
      for (const i of stage.instructions) {
        // A comment or a blank line between two RUNs says "this split is on purpose" (the hadolint users' request).
        const prev = run[run.length - 1];
        const adjacent = prev !== undefined && i.line === prev.endLine + 1 && i.leadingComments.length === 0;
        if (i.keyword === 'RUN' && i.flags.length === 0 && (run.length === 0 || adjacent)) run.push(i);
        else {
          flush();
          if (i.keyword === 'RUN' && i.flags.length === 0) run.push(i);
        }
      }
      flush();
    },
  }),
});
