import { docsUrl, type AnyRule } from './rule.js';

/** What `stagecraft rules --json` prints for each rule. */
export interface RuleDescription {
  id: string;
  severity: string;
  description: string;
  aliases: string[];
  scope: 'all' | 'final';
  fixable: boolean;
  url: string;
  preset: string;
  needsContext: boolean;
}

export function describeRules(list: readonly AnyRule[]): RuleDescription[] {
  return list.map((r) => ({
    id: r.id,
    severity: r.severity,
    description: r.description,
    aliases: r.aliases,
    scope: r.scope,
    fixable: r.fixable === true,
    url: docsUrl(r.id),
    preset: r.preset,
    needsContext: r.needsContext === true,
  }));
}
