import type { Fix, Severity } from './rule.js';

/** One problem found in a file: plain data, formatted at the edge. */
export interface Finding {
  ruleId: string;
  aliases: string[];
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
  /** The replacements `--fix` would apply (not part of the JSON output). */
  fix?: Fix[];
}

export interface FileResult {
  /** The path as given, or `-` for standard input. */
  file: string;
  findings: Finding[];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
