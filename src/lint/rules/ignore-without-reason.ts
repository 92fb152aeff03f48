import { defineRule } from '../rule.js';

export default defineRule<{ form: string }>({
  id: 'ignore-without-reason',
  severity: 'info',
  description: 'A `# stagecraft-ignore` comment should say why after `--`, so the next reader knows whether it still applies.',
  message: (d) => `# ${d.form} without a reason: add \`-- why this does not apply here\``,
  aliases: [],
  scope: 'all',
  preset: 'strict',
  create: (ctx) => ({
    end() {
      ctx.df.lines.forEach((text, k) => {
        const m = /^\s*#+\s*(stagecraft-ignore(?:-file|-stage)?)\b(.*)$/i.exec(text);
        if (!m) return;
        if (/--\s*\S/.test(m[2]!)) return;
        ctx.report({ at: { line: k + 1, column: 1, endLine: k + 1, endColumn: text.length + 1 }, data: { form: m[1]!.toLowerCase() } });
      });
    },
  }),
});
