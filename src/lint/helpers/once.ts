// CMD, ENTRYPOINT and HEALTHCHECK: only the last one of a stage counts.
import { defineRule, type Keyword, type Rule } from '../rule.js';

export function oncePerStageRule(keyword: Extract<Keyword, 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK'>, id: string, aliases: string[]): Rule<{ first: number }> {
  return defineRule<{ first: number }>({
    id,
    severity: 'warning',
    description: `A stage should have at most one ${keyword}: only the last one takes effect.`,
    message: (d) => `${keyword} already set on line ${d.first}: only the last ${keyword} of a stage takes effect; remove the others`,
    aliases,
    scope: 'all',
    preset: 'recommended',
    create: (ctx) => ({
      stage(stage) {
        const all = stage.instructions.filter((i) => i.keyword === keyword);
        for (const i of all.slice(1)) ctx.report({ at: i, data: { first: all[0]!.line } });
      },
    }),
  });
}
