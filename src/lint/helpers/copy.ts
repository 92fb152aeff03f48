import type { Dockerfile, Instruction } from '../../dockerfile/index.js';
import { resolveAt, unquote } from '../../dockerfile/index.js';

/** Sources and destination of COPY/ADD (JSON or plain form; heredoc names excluded). */
export function copyArgs(i: Instruction): { sources: string[]; dest: string | undefined } {
  const words = i.json ?? i.words.map(unquote);
  const args = words.filter((w) => !/^<<-?/.test(w));
  if (i.heredocs.length > 0) return { sources: [], dest: args[args.length - 1] };
  if (args.length < 2) return { sources: [], dest: args[0] };
  return { sources: args.slice(0, -1), dest: args[args.length - 1] };
}

export function copySources(i: Instruction): string[] {
  return copyArgs(i).sources;
}

/** Normalises a COPY source for matching (`./a/` -> `a`). */
export function normalizeSource(s: string): string {
  return s.replace(/^\.\/+/, '').replace(/^\/+/, '').replace(/\/+$/, '') || '.';
}

/**
 * The build-context paths a COPY/ADD names literally, with ARG/ENV values resolved and normalised:
 * nothing for `--from` or heredoc copies; URLs, globs, `.` and unresolved variables left out.
 */
export function literalContextSources(df: Dockerfile, i: Instruction): string[] {
  if (i.flags.some((f) => f.name === 'from') || i.heredocs.length > 0) return [];
  const out: string[] = [];
  for (const s of copyArgs(i).sources) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /[*?[]/.test(s)) continue;
    const src = normalizeSource(resolveAt(df, i, s).value);
    if (src !== '.' && !src.includes('$')) out.push(src);
  }
  return out;
}
