import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { createMatcher, type ContextMatcher } from '../context/matcher.js';

/** What context-aware rules may ask about the build context. Paths are context-relative, `/`-separated. */
export interface BuildContextView {
  /** Absolute folder (or a label for in-memory contexts). */
  root: string;
  /** The .dockerignore in effect (`<Dockerfile>.dockerignore` beside the Dockerfile wins over the root one). */
  dockerignore: { file: string; text: string; matcher: ContextMatcher } | undefined;
  exists(relPath: string): boolean;
  readText(relPath: string): string | undefined;
  /** True when the .dockerignore keeps the path out of the context. */
  isIgnored(relPath: string): boolean;
}

function clean(rel: string): string {
  return rel.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

/** A build context on disk. `dockerfile` is the Dockerfile's path (for `<name>.dockerignore`). */
export function diskBuildContext(root: string, dockerfile?: string): BuildContextView {
  const abs = resolve(root);
  let dockerignore: BuildContextView['dockerignore'];
  const candidates = dockerfile ? [`${resolve(dockerfile)}.dockerignore`, join(abs, '.dockerignore')] : [join(abs, '.dockerignore')];
  for (const file of candidates) {
    try {
      if (existsSync(file) && statSync(file).isFile()) {
        const text = readFileSync(file, 'utf8');
        dockerignore = { file: relative(process.cwd(), file) || basename(file), text, matcher: createMatcher(text) };
        break;
      }
    } catch {
      // Unreadable: treated as absent.
    }
  }
  return {
    root: abs,
    dockerignore,
    exists: (rel) => existsSync(join(abs, clean(rel))),
    readText: (rel) => {
      try {
        return readFileSync(join(abs, clean(rel)), 'utf8');
      } catch {
        return undefined;
      }
    },
    isIgnored: (rel) => (dockerignore ? dockerignore.matcher.ignores(clean(rel)) : false),
  };
}

/** An in-memory context (tests, docs examples): `files` maps relative paths to contents. */
export function memoryBuildContext(files: Record<string, string>, root = '<memory>'): BuildContextView {
  const text = files['.dockerignore'];
  const dockerignore = text === undefined ? undefined : { file: '.dockerignore', text, matcher: createMatcher(text) };
  const paths = Object.keys(files).map(clean);
  return {
    root,
    dockerignore,
    exists: (rel) => {
      const r = clean(rel);
      return r === '' || paths.some((p) => p === r || p.startsWith(`${r}/`));
    },
    readText: (rel) => files[clean(rel)],
    isIgnored: (rel) => (dockerignore ? dockerignore.matcher.ignores(clean(rel)) : false),
  };
}

