import type { AnyRule } from './rule.js';
import * as registered from './rules/index.js';

/** Every rule, sorted by id. Registration is one line in rules/index.ts. */
export const rules: readonly AnyRule[] = (Object.values(registered) as AnyRule[]).sort((a, b) => a.id.localeCompare(b.id));

export function ruleById(id: string): AnyRule | undefined {
  return rules.find((r) => r.id === id);
}
