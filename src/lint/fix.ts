import type { Finding } from './finding.js';
import { lintText, type LintOptions } from './linter.js';
import type { Fix } from './rule.js';

/** Applies non-overlapping fixes (the first one wins on overlap) to `text`. */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const fixes: Fix[] = [];
  for (const f of findings) for (const x of f.fix ?? []) fixes.push(x);
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  let applied = 0;
  for (const f of fixes) {
    if (f.start < pos || f.end > text.length || f.start > f.end) continue;
    if (text.slice(f.start, f.end) === f.text) continue;
    out += text.slice(pos, f.start) + f.text;
    pos = f.end;
    applied++;
  }
  out += text.slice(pos);
  return { text: out, applied };
}

export interface FixResult {
  /** The fixed file text (BOM kept when there was one). */
  output: string;
  changed: boolean;
  /** Number of replacements made. */
  applied: number;
  /** What is left after fixing. */
  remaining: Finding[];
}

/**
 * Lints and fixes until nothing fixable is left (fixes can uncover others; bounded passes).
 * Fixes only touch the characters they replace, so comments, blank lines and continuations stay.
 */
export function fixText(input: string, file: string | undefined, options: LintOptions = {}): FixResult {
  let { df, findings } = lintText(input, file, options);
  const bom = df.bom ? '\ufeff' : '';
  let text = df.text;
  let applied = 0;
  for (let pass = 0; pass < 10; pass++) {
    const r = applyFixes(text, findings);
    if (r.applied === 0) break;
    applied += r.applied;
    text = r.text;
    ({ df, findings } = lintText(text, file, options));
  }
  const output = bom + text;
  return { output, changed: output !== (typeof input === 'string' ? input : output), applied, remaining: findings };
}

/** A unified diff of two texts (whole-file hunks with 2 lines of context), for `--fix-dry-run`. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  // A final newline ends the last line; it does not start an empty one.
  const lines = (t: string): string[] => (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n');
  const a = lines(before);
  const b = lines(after);
  const out = [`--- ${file}`, `+++ ${file} (fixed)`];
  // Fixes replace within lines and never add or remove lines in bulk, so a line-by-line walk with
  // a small lookahead keeps hunks aligned.
  let i = 0;
  let j = 0;
  const changes: { i: number; j: number; del: string[]; add: string[] }[] = [];
  while (i < a.length || j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const start = { i, j };
    const del: string[] = [];
    const add: string[] = [];
    // Find the next resynchronising line within a short window.
    let synced = false;
    for (let k = 0; k < 6 && !synced; k++) {
      for (let l = 0; l < 6; l++) {
        if (i + k < a.length && j + l < b.length && a[i + k] === b[j + l] && (k > 0 || l > 0)) {
          del.push(...a.slice(i, i + k));
          add.push(...b.slice(j, j + l));
          i += k;
          j += l;
          synced = true;
          break;
        }
      }
    }
    if (!synced) {
      del.push(...a.slice(i));
      add.push(...b.slice(j));
      i = a.length;
      j = b.length;
    }
    changes.push({ i: start.i, j: start.j, del, add });
  }
  // Hunks with 3 lines of context; changes closer than that share a hunk (overlapping hunks break `patch`).
  const C = 3;
  let k = 0;
  while (k < changes.length) {
    const first = changes[k]!;
    const s = Math.max(0, first.i - C);
    let e = Math.min(a.length, first.i + first.del.length + C);
    const group = [first];
    while (k + 1 < changes.length && changes[k + 1]!.i - C <= e) {
      const next = changes[++k]!;
      group.push(next);
      e = Math.min(a.length, Math.max(e, next.i + next.del.length + C));
    }
    k++;
    const body: string[] = [];
    let pos = s;
    let added = 0;
    let removed = 0;
    // patch(1) needs the marker, or it adds a newline the file did not have.
    const NO_EOL = '\\ No newline at end of file';
    const aEnd = before.endsWith('\n') ? -1 : a.length - 1;
    const bEnd = after.endsWith('\n') ? -1 : b.length - 1;
    const context = (p: number): void => {
      body.push(` ${a[p]}`);
      if (p === aEnd) body.push(NO_EOL);
    };
    for (const c of group) {
      for (; pos < c.i; pos++) context(pos);
      c.del.forEach((l, n) => body.push(`-${l}`, ...(c.i + n === aEnd ? [NO_EOL] : [])));
      c.add.forEach((l, n) => body.push(`+${l}`, ...(c.j + n === bEnd ? [NO_EOL] : [])));
      pos = c.i + c.del.length;
      removed += c.del.length;
      added += c.add.length;
    }
    for (; pos < e; pos++) context(pos);
    const oldCount = e - s;
    const newStart = first.j - (first.i - s);
    out.push(`@@ -${oldCount === 0 ? s : s + 1},${oldCount} +${newStart + 1},${oldCount - removed + added} @@`, ...body);
  }
  return `${out.join('\n')}\n`;
}
