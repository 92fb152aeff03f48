/**
 * Python versions: which minor a project asks for. `requires-python` (PEP 440) and Poetry's
 * constraint syntax (`^3.11`, `~3.11`, `||`) are mapped to the newest known minor that satisfies them.
 */

/** The 3.x minors stagecraft knows images for, oldest first. */
export const KNOWN_MINORS = [8, 9, 10, 11, 12, 13, 14];
/** When the project names no version: one behind the newest, so wheels for C extensions exist. */
export const DEFAULT_PYTHON = '3.13';

type V = [number, number, number];

function parse(v: string): { parts: number[]; wildcard: boolean } | undefined {
  const m = /^(\d+(?:\.\d+)*)(\.\*)?$/.exec(v.trim());
  if (!m) return undefined;
  return { parts: m[1]!.split('.').map(Number), wildcard: !!m[2] };
}

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function clauseHolds(clause: string, v: V): boolean {
  const m = /^(===|==|!=|<=|>=|<|>|~=|\^|~|=)?\s*(.+)$/.exec(clause.trim());
  if (!m) return false;
  const op = m[1] ?? '==';
  if (m[2] === '*') return true;
  const p = parse(m[2]!);
  if (!p) return false;
  const t = p.parts;
  const prefixEq = (): boolean => t.every((x, i) => v[i] === x);
  switch (op) {
    case '==':
    case '===':
    case '=':
      return p.wildcard ? prefixEq() : cmp(v, t) === 0;
    case '!=':
      return p.wildcard ? !prefixEq() : cmp(v, t) !== 0;
    case '>=':
      return cmp(v, t) >= 0;
    case '<=':
      return cmp(v, t) <= 0;
    case '>':
      return cmp(v, t) > 0;
    case '<':
      return cmp(v, t) < 0;
    case '~=': {
      // ~=3.11 -> >=3.11, ==3.*; ~=3.11.2 -> >=3.11.2, ==3.11.*
      const prefix = t.slice(0, Math.max(1, t.length - 1));
      return cmp(v, t) >= 0 && prefix.every((x, i) => v[i] === x);
    }
    case '^': {
      // Poetry: ^3.11 -> >=3.11,<4.0; ^0.2 -> >=0.2,<0.3
      const i = t.findIndex((x) => x !== 0);
      const upper = t.slice(0, (i < 0 ? t.length - 1 : i) + 1);
      upper[upper.length - 1]! += 1;
      return cmp(v, t) >= 0 && cmp(v, upper) < 0;
    }
    case '~': {
      // Poetry: ~3.11 -> >=3.11,<3.12; ~3 -> >=3,<4
      const upper = t.length > 1 ? t.slice(0, 2) : [t[0]!];
      upper[upper.length - 1]! += 1;
      return cmp(v, t) >= 0 && cmp(v, upper) < 0;
    }
    default:
      return false;
  }
}

/** True when some release of the 3.<minor> series satisfies the specifier. */
export function minorSatisfies(spec: string, minor: number): boolean {
  return spec.split('||').some((alt) => {
    const clauses = alt
      .split(/,|\s+(?=[<>=!~^])/)
      .map((c) => c.trim())
      .filter(Boolean);
    if (clauses.length === 0) return true;
    return ([[3, minor, 0], [3, minor, 99]] as V[]).some((v) => clauses.every((c) => clauseHolds(c, v)));
  });
}

/** The newest known minor satisfying the specifier (`3.12`), or undefined when none does. */
export function newestMinorFor(spec: string): string | undefined {
  const hit = [...KNOWN_MINORS].reverse().find((m) => minorSatisfies(spec, m));
  return hit === undefined ? undefined : `3.${hit}`;
}

/** `3.11.7` / `3.11` / `python-3.11.7` / `cpython@3.11` -> `3.11`; undefined for pypy, system, garbage. */
export function minorOf(text: string): string | undefined {
  const m = /^(?:python-?|cpython[-@]?)?(3)\.(\d+)(?:\.\d+)?(?:[a-z]+\d*)?$/i.exec(text.trim());
  return m ? `${m[1]}.${m[2]}` : undefined;
}
