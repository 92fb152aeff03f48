import { isAbsolute, relative, resolve } from 'node:path';
import type { FileResult } from '../finding.js';
import type { AnyRule } from '../rule.js';

export interface FormatContext {
  rules: readonly AnyRule[];
  /** Source text per file (for showing the offending line). */
  sources: ReadonlyMap<string, string>;
  /** Base folder for relative paths in machine formats. */
  cwd: string;
  /** The repository checkout (GITHUB_WORKSPACE) that `github` and `sarif` paths are relative to, when it is known. */
  root?: string;
}

export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;

/** `file` (as displayed, relative to cwd) relative to the checkout root, with forward slashes; as is when outside it. */
export function repoPath(file: string, ctx: FormatContext): string {
  if (file === '-' || !ctx.root) return file.split('\\').join('/');
  const abs = resolve(ctx.cwd, file);
  const rel = relative(ctx.root, abs);
  return (rel.startsWith('..') || isAbsolute(rel) ? file : rel).split('\\').join('/');
}
