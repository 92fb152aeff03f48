import { defineRule } from '../rule.js';
import { callsOf } from '../helpers/commands.js';

export default defineRule<{ first: string; second: string; line: number }>({
  id: 'curl-and-wget',
  severity: 'info',
  description: 'Use either curl or wget in a stage, not both: one download tool is enough.',
  message: (d) => `this RUN uses ${d.second} while line ${d.line} uses ${d.first}: pick one download tool`,
  aliases: ['DL4001', 'DS-0014'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => {
    let seen: { tool: string; line: number } | undefined;
    let reported = false;
    return {
      stage() {
        seen = undefined;
        reported = false;
      },
      RUN(i) {
        if (reported) return;
        const tools = new Set(callsOf(i, 'curl', 'wget').map((c) => c.tool));
        for (const t of tools) {
          if (!seen) seen = { tool: t, line: i.line };
          else if (seen.tool !== t) {
            ctx.report({ at: i, data: { first: seen.tool, second: t, line: seen.line } });
            reported = true;
            return;
          }
        }
      },
    };
  },
});
