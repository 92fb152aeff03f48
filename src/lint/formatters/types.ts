import type { FileResult } from '../finding.js';
import type { AnyRule } from '../rule.js';

export interface FormatContext {
  rules: readonly AnyRule[];
  /** Source text per file (for showing the offending line). */
  sources: ReadonlyMap<string, string>;
  /** Base folder for relative paths in machine formats. */
  cwd: string;
}

export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;
