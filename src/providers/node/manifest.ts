import type { Project } from '../../project/project.js';

/** The parts of package.json that init reads. */
export interface PackageJson {
  name?: string;
  version?: string;
  main?: string;
  type?: string;
  private?: boolean;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  engines?: Record<string, string>;
  packageManager?: string;
  workspaces?: string[] | { packages?: string[] };
}

export function readManifest(project: Project, dir = '.'): PackageJson | undefined {
  const path = dir === '.' ? 'package.json' : `${dir}/package.json`;
  const pkg = project.readJson<PackageJson>(path);
  return pkg !== null && typeof pkg === 'object' && !Array.isArray(pkg) ? pkg : undefined;
}

/** Names of what the app needs at run time (dependencies and optionalDependencies). */
export function productionDependencies(pkg: PackageJson): Record<string, string> {
  return { ...(pkg.optionalDependencies ?? {}), ...(pkg.dependencies ?? {}) };
}

/** Every dependency the build stage installs. */
export function allDependencies(pkg: PackageJson): Record<string, string> {
  return { ...(pkg.devDependencies ?? {}), ...productionDependencies(pkg) };
}

export function workspacePatterns(pkg: PackageJson): string[] | undefined {
  const ws = pkg.workspaces;
  if (Array.isArray(ws)) return ws.filter((w) => typeof w === 'string');
  if (ws && Array.isArray(ws.packages)) return ws.packages.filter((w) => typeof w === 'string');
  return undefined;
}

/** Parses JSON with comments and trailing commas (tsconfig.json), undefined when it still fails. */
export function parseJsonc<T>(text: string): T | undefined {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
    } else out += c;
  }
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1')) as T;
  } catch {
    return undefined;
  }
}
