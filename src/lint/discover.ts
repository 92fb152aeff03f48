import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createMatcher, type ContextMatcher } from '../context/matcher.js';
import { translateGitignore } from '../context/gitignore.js';
import { ExitCode, UserError } from '../util/errors.js';

/**
 * Extensions that mark another kind of file (`dockerfile.ts` is source code, `Dockerfile.bak` a backup,
 * `Dockerfile.j2` a template whose `{{ }}` would be syntax errors). Named on the command line, they are checked.
 */
const NOT_A_DOCKERFILE = /\.(dockerignore|bak|old|orig|rej|swp|tmp|md|txt|json|ya?ml|toml|lock|ts|tsx|js|mjs|cjs|go|py|rb|rs|java|sh|ps1|html|css|xml|snap|j2|jinja2?|tpl|tmpl|template|gotmpl|erb|mustache|hbs|njk|in|patch|diff)$|~$/i;

/** `Dockerfile`, `Containerfile`, `*.Dockerfile`, `Dockerfile.*` (not backups, not source files named after them). */
export function isDockerfileName(name: string): boolean {
  if (NOT_A_DOCKERFILE.test(name)) return false;
  return /^(Dockerfile|dockerfile|Containerfile|containerfile)$/.test(name) || /^(Dockerfile|Containerfile)\.[^.]+/.test(name) || /^.+\.(Dockerfile|dockerfile|Containerfile)$/.test(name);
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

/**
 * Expands the command-line paths into Dockerfiles: a file is taken as given, a folder is walked
 * (respecting each folder's .gitignore), `-` stays `-` (standard input). No path = the current folder.
 * `ignore` (config `ignorePaths`) drops matches, relative to `cwd`.
 */
export function discoverDockerfiles(paths: readonly string[], cwd: string, ignore: readonly string[] = []): string[] {
  const ignoreMatcher = ignore.length > 0 ? createMatcher(ignore.join('\n')) : undefined;
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (p: string): void => {
    const rel = relative(cwd, p).split(sep).join('/');
    if (ignoreMatcher && ignoreMatcher.ignores(rel)) return;
    const display = rel === '' || rel.startsWith('..') ? p : rel;
    if (!seen.has(display)) {
      seen.add(display);
      out.push(display);
    }
  };
  for (const p of paths.length === 0 ? ['.'] : paths) {
    if (p === '-') {
      out.push('-');
      continue;
    }
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UserError(`no such file or folder: ${p}`, ExitCode.usage);
    }
    // A pipe or device named explicitly (`stagecraft check <(generate)`, /dev/stdin) is read like a file.
    if (st.isFile() || st.isFIFO() || st.isCharacterDevice()) push(abs);
    else if (st.isDirectory()) walk(abs, ancestorScopes(abs), push);
  }
  return out;
}

interface Scope {
  dir: string;
  matcher: ContextMatcher;
}

/**
 * The .gitignore files above `dir` up to the repository root (the folder with `.git`), so a run in a
 * sub-folder skips what the repository ignores. Outside a repository: none.
 */
function ancestorScopes(dir: string): Scope[] {
  if (existsSync(join(dir, '.git'))) return []; // the root itself: its own .gitignore is read by walk
  const chain: string[] = [];
  let d = dir;
  for (;;) {
    const up = dirname(d);
    if (up === d) return []; // no .git above: not a repository
    d = up;
    chain.unshift(d);
    if (existsSync(join(d, '.git'))) break;
  }
  const scopes: Scope[] = [];
  for (const a of chain) {
    try {
      const lines = translateGitignore(readFileSync(join(a, '.gitignore'), 'utf8'));
      if (lines.length > 0) scopes.push({ dir: a, matcher: createMatcher(lines.join('\n')) });
    } catch {
      // no .gitignore there
    }
  }
  return scopes;
}

function walk(dir: string, scopes: Scope[], push: (p: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const here = [...scopes];
  if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
    try {
      const lines = translateGitignore(readFileSync(join(dir, '.gitignore'), 'utf8'));
      if (lines.length > 0) here.push({ dir, matcher: createMatcher(lines.join('\n')) });
    } catch {
      // An unreadable .gitignore ignores nothing.
    }
  }
  const ignored = (abs: string): boolean => here.some((s) => s.matcher.ignores(relative(s.dir, abs).split(sep).join('/')));
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) {
      if (ALWAYS_SKIPPED.has(e.name) || ignored(abs)) continue;
      walk(abs, here, push);
    } else if ((e.isFile() || isLinkToFile(e, abs)) && isDockerfileName(e.name) && !ignored(abs)) {
      push(abs);
    }
  }
}

/** A symlinked Dockerfile is a Dockerfile (links to folders are not followed: no cycles). */
function isLinkToFile(e: Dirent, abs: string): boolean {
  if (!e.isSymbolicLink()) return false;
  try {
    return statSync(abs).isFile();
  } catch {
    return false; // a dangling link
  }
}
