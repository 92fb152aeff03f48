import { posix } from 'node:path';
import { createRequire } from 'node:module';

// @balena/dockerignore is CommonJS; createRequire keeps its default export callable under NodeNext.
const require = createRequire(import.meta.url);
const dockerignore = require('@balena/dockerignore') as (opts?: { ignorecase?: boolean }) => BalenaIgnore;

interface BalenaIgnore {
  add(patterns: string | string[]): BalenaIgnore;
  ignores(path: string): boolean;
  // Internals of the frozen 1.0.2 release, used only when present (see ruleTester).
  _rules?: unknown[];
  _compile?: (rule: unknown) => { regexp?: RegExp };
}

/**
 * A test of one pattern against one path, without its parents. Uses the RegExp balena compiles
 * for the rule when its internals are there; otherwise balena's own answer (which also tries
 * the parents: slower, same result once OR-ed with the parent's state).
 */
function ruleTester(single: BalenaIgnore): (path: string) => boolean {
  const rule = single._rules?.[0];
  const re = rule !== undefined && typeof single._compile === 'function' ? single._compile.call(single, rule).regexp : undefined;
  if (re instanceof RegExp) return (path) => re.test(path);
  return (path) => single.ignores(path);
}

/**
 * Equivalent shortcuts for the two commonest shapes, tested on 100,000 paths per run: a literal
 * path (`dist`, `.git`) is an equality, and `**\/name` or `**\/*.log` (no other `/`) is a test
 * of the last segment alone, since `^(.*\/)?X$` with X unable to cross `/` means exactly that.
 * The regexes backtrack over every `/` otherwise. Everything else goes to balena's RegExp.
 */
export function fastTester(pattern: string): ((path: string) => boolean) | undefined {
  if (!hasWildcards(pattern) && !pattern.includes('\\')) return (path) => path === pattern;
  const m = /^\*\*\/([^/]+)$/.exec(pattern);
  if (!m || m[1]!.includes('**') || m[1]!.includes('[') || m[1]!.includes('\\')) return undefined;
  const name = m[1]!;
  if (!hasWildcards(name)) return (path) => path === name || path.endsWith(`/${name}`);
  const re = new RegExp(`^${name.replace(/[.+^${}()|\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return (path) => re.test(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * What a walker carries from a folder to its children (moby's MatchInfo): for each pattern,
 * whether it matched the folder or one of its parents.
 */
export interface MatchState {
  readonly matched: Uint8Array;
  /** The verdict for the path itself. */
  readonly excluded: boolean;
}

/** One usable line of a .dockerignore, after Docker's reading rules. */
export interface IgnorePattern {
  /** The pattern as Docker uses it: cleaned, no leading `/`, no `!`. */
  pattern: string;
  /** A `!` line: re-includes what earlier lines excluded. */
  exception: boolean;
  /** 1-based line in the file (0 when the pattern did not come from a file). */
  line: number;
  /** The line as written (trimmed). */
  source: string;
}

export interface IgnoreParseError {
  line: number;
  source: string;
  message: string;
}

export interface ParsedDockerignore {
  patterns: IgnorePattern[];
  errors: IgnoreParseError[];
}

/**
 * Reads .dockerignore text the way Docker does: BOM dropped, `#` comments only at column 0, lines
 * trimmed, blank lines skipped, `!` exceptions, each pattern cleaned like Go's filepath.Clean with
 * the leading `/` removed; a pattern that cleans to `.` is dropped; a bare `!` is an error.
 */
export function parseDockerignore(text: string): ParsedDockerignore {
  const patterns: IgnorePattern[] = [];
  const errors: IgnoreParseError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.startsWith('#')) return;
    let body = raw.trim();
    if (body === '') return;
    const source = body;
    let exception = false;
    if (body.startsWith('!')) {
      exception = true;
      body = body.slice(1).trim();
      if (body === '') {
        errors.push({ line, source, message: 'a bare "!" is not a pattern (Docker rejects it)' });
        return;
      }
    }
    const pattern = cleanPattern(body);
    if (pattern === '.' || pattern === '') return;
    const bad = patternError(pattern);
    if (bad) {
      errors.push({ line, source, message: bad });
      return;
    }
    patterns.push({ pattern, exception, line, source });
  });
  return { patterns, errors };
}

/** Go's filepath.Clean (on `/` separators), then the leading `/` removed. */
export function cleanPattern(p: string): string {
  let out = posix.normalize(p);
  if (out.length > 1 && out.endsWith('/')) out = out.slice(0, -1);
  while (out.length > 1 && out.startsWith('/')) out = out.slice(1);
  if (out === '/') return '.';
  return out;
}

/** True when the pattern has Go filepath.Match metacharacters (moby's containsWildcards). */
export function hasWildcards(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

/** An unterminated `[` class is Go's ErrBadPattern: Docker fails the build on it. */
function patternError(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (!inClass && ch === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') return `bad pattern "${pattern}": empty character class`;
    } else if (inClass && ch === ']') inClass = false;
  }
  if (inClass) return `bad pattern "${pattern}": unterminated character class`;
  return undefined;
}

/**
 * Rewrites a cleaned pattern into the text @balena/dockerignore compiles to the same meaning:
 * it turns `\x` into the regex escape `\x` and passes `+(){}|^` straight into a RegExp, and it
 * treats a line that starts with `#` as a comment. Go's Match treats all of those as literals.
 */
function toBalena(p: IgnorePattern): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.pattern.length; i++) {
    const ch = p.pattern[i]!;
    if (ch === '\\') {
      const next = p.pattern[i + 1];
      if (next === undefined) out += '\\\\';
      else out += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch === '*' || ch === '?' ? `\\${ch}` : ch;
      continue;
    }
    if (ch === '[') inClass = true;
    if ('+(){}|^#'.includes(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return (p.exception ? '!' : '') + out;
}

/** The project's view of a .dockerignore: what the build context walker and the linter ask. */
export interface ContextMatcher {
  readonly patterns: readonly IgnorePattern[];
  readonly errors: readonly IgnoreParseError[];
  /**
   * Whether the patterns exclude this context-relative path (`/` separators, no leading `./`).
   * A pattern matches the path or any parent folder of it; the last matching line wins.
   * Docker patterns have no folder-only form, so `isDir` does not change the answer.
   */
  ignores(relPath: string, isDir?: boolean): boolean;
  /**
   * BuildKit's rule for skipping an excluded folder without walking it: only when no exception
   * has a wildcard and no exception names a path inside it. Otherwise files inside are checked
   * one by one (and some may be sent).
   */
  canPruneDir(relDir: string): boolean;
  /** The last pattern that matches the path (the one that decides), if any. */
  decidingPattern(relPath: string): IgnorePattern | undefined;
  /** Whether pattern number `index` (exception or not) matches the path or a parent of it. */
  patternMatches(index: number, relPath: string): boolean;
  /**
   * The incremental form of `ignores` for walkers: a child path judged from its folder's state,
   * testing each pattern against the path alone (a pattern that matched the folder matches every
   * path below it). Same verdict as `ignores`, without re-testing every parent.
   */
  evaluate(relPath: string, parent: MatchState | undefined): MatchState;
  /** `evaluate` for a leaf (a file): the verdict only, marking the patterns that matched in `used`. */
  excludedUnder(relPath: string, parent: MatchState | undefined, used?: Uint8Array): boolean;
}

export function createMatcher(input: string | readonly IgnorePattern[]): ContextMatcher {
  const parsed: ParsedDockerignore = typeof input === 'string' ? parseDockerignore(input) : { patterns: [...input], errors: [] };
  const patterns = parsed.patterns;
  // Docker on Linux is case-sensitive; balena defaults to ignoring case.
  const all = dockerignore({ ignorecase: false }).add(patterns.map(toBalena));
  const single = patterns.map((p) => dockerignore({ ignorecase: false }).add(toBalena({ ...p, exception: false })));
  const testers = patterns.map((p, i) => fastTester(p.pattern) ?? ruleTester(single[i]!));
  const exceptions = patterns.filter((p) => p.exception);
  const wildcardException = exceptions.some((p) => hasWildcards(p.pattern));

  const normalize = (rel: string): string => {
    let r = rel;
    if (r.startsWith('./')) r = r.slice(2);
    r = posix.normalize(r);
    if (r.length > 1 && r.endsWith('/')) r = r.slice(0, -1);
    return r;
  };

  return {
    patterns,
    errors: parsed.errors,
    ignores(relPath: string): boolean {
      const rel = normalize(relPath);
      if (rel === '.' || rel === '') return false;
      return all.ignores(rel);
    },
    canPruneDir(relDir: string): boolean {
      const rel = normalize(relDir);
      if (rel === '.' || rel === '' || !all.ignores(rel)) return false;
      if (exceptions.length === 0) return true;
      if (wildcardException) return false;
      const dirSlash = `${rel}/`;
      return !exceptions.some((p) => `${p.pattern}/`.startsWith(dirSlash));
    },
    decidingPattern(relPath: string): IgnorePattern | undefined {
      const rel = normalize(relPath);
      for (let i = patterns.length - 1; i >= 0; i--) {
        if (single[i]!.ignores(rel)) return patterns[i];
      }
      return undefined;
    },
    evaluate(relPath: string, parent: MatchState | undefined): MatchState {
      const n = patterns.length;
      const matched = new Uint8Array(n);
      let excluded = false;
      for (let i = 0; i < n; i++) {
        const hit = parent?.matched[i] === 1 || testers[i]!(relPath);
        if (hit) {
          matched[i] = 1;
          excluded = !patterns[i]!.exception;
        }
      }
      return { matched, excluded };
    },
    excludedUnder(relPath: string, parent: MatchState | undefined, used?: Uint8Array): boolean {
      let excluded = false;
      for (let i = 0; i < patterns.length; i++) {
        if (parent?.matched[i] === 1 || testers[i]!(relPath)) {
          if (used) used[i] = 1;
          excluded = !patterns[i]!.exception;
        }
      }
      return excluded;
    },
    patternMatches(index: number, relPath: string): boolean {
      const one = single[index];
      return one !== undefined && one.ignores(normalize(relPath));
    },
  };
}
