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
  const changes = lineChanges(a, b);
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

/**
 * The changed runs between two line lists: common prefix and suffix trimmed, then a longest common
 * subsequence over the middle (a fixed lookahead lost track after six changed lines in a row and
 * reported the rest of the file as changed). A middle too large for the table is one change.
 */
export function lineChanges(a: readonly string[], b: readonly string[]): { i: number; j: number; del: string[]; add: string[] }[] {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  const A = a.slice(p, a.length - q);
  const B = b.slice(p, b.length - q);
  if (A.length === 0 && B.length === 0) return [];
  const n = A.length;
  const m = B.length;
  if (n * m > 4_000_000) return [{ i: p, j: p, del: A, add: B }];
  // lcs[x][y]: LCS length of A[x..] and B[y..], in one flat array.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      lcs[x * w + y] = A[x] === B[y] ? lcs[(x + 1) * w + y + 1]! + 1 : Math.max(lcs[(x + 1) * w + y]!, lcs[x * w + y + 1]!);
    }
  }
  const out: { i: number; j: number; del: string[]; add: string[] }[] = [];
  let cur: { i: number; j: number; del: string[]; add: string[] } | undefined;
  let x = 0;
  let y = 0;
  const open = (): { i: number; j: number; del: string[]; add: string[] } => (cur ??= { i: p + x, j: p + y, del: [], add: [] });
  while (x < n || y < m) {
    if (x < n && y < m && A[x] === B[y]) {
      if (cur) out.push(cur);
      cur = undefined;
      x++;
      y++;
    } else if (y < m && (x === n || lcs[x * w + y + 1]! >= lcs[(x + 1) * w + y]!)) {
      open().add.push(B[y++]!);
    } else {
      open().del.push(A[x++]!);
    }
  }
  if (cur) out.push(cur);
  return out;
}
