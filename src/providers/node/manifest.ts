import { join } from 'node:path';
import type { Project } from '../../project/project.js';
import { ExitCode, UserError } from '../../util/errors.js';

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

/**
 * package.json, or undefined when there is none. Not an object (`[]`, `null`, `"x"`) is a malformed
 * manifest (exit 2, naming the file); a known field of the wrong type (`"main": 42`, `"scripts": "x"`)
 * is dropped, as npm ignores it, so no provider meets a value of a type it does not expect.
 */
export function readManifest(project: Project, dir = '.'): PackageJson | undefined {
  const path = dir === '.' ? 'package.json' : `${dir}/package.json`;
  const raw = project.readJson<unknown>(path);
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const found = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`;
    throw new UserError(`not a JSON object (found ${found}): a package.json holds one object`, ExitCode.usage, join(project.root, path));
  }
  return sanitizeManifest(raw as Record<string, unknown>);
}

const STRING_FIELDS = ['name', 'version', 'main', 'module', 'type', 'packageManager'] as const;
const STRING_MAP_FIELDS = ['scripts', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'engines'] as const;

/** The manifest with every known field of the wrong type left out (string maps keep their string entries). */
export function sanitizeManifest(raw: Record<string, unknown>): PackageJson {
  const pkg: Record<string, unknown> = { ...raw };
  for (const key of STRING_FIELDS) if (key in pkg && typeof pkg[key] !== 'string') delete pkg[key];
  if ('private' in pkg && typeof pkg.private !== 'boolean') delete pkg.private;
  for (const key of STRING_MAP_FIELDS) {
    const value = pkg[key];
    if (value === undefined) continue;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      delete pkg[key];
      continue;
    }
    pkg[key] = Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string'));
  }
  const ws = pkg.workspaces;
  if (ws !== undefined && !Array.isArray(ws) && (ws === null || typeof ws !== 'object')) delete pkg.workspaces;
  return pkg as PackageJson;
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
