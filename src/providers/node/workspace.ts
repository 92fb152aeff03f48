import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Project } from '../../project/project.js';
import { readManifest, workspacePatterns, type PackageJson } from './manifest.js';

/** A package inside a monorepo whose lockfile and install root are higher up. */
export interface Workspace {
  /** The root, relative to the package folder (`../..`): the build context. */
  rootFromPackage: string;
  /** The package folder relative to the root (`packages/api`). */
  packageDir: string;
  /** How the root declares its members. */
  kind: 'npm' | 'pnpm';
  /** Every member's folder relative to the root, sorted (their package.json files are needed to install). */
  members: string[];
  /** Member folders the package depends on, directly or through other members, sorted. */
  localDependencies: string[];
}

/** How far up to look for a workspace root. */
const MAX_DEPTH = 5;

export interface WorkspaceRoot {
  project: Project;
  pkg: PackageJson | undefined;
  kind: 'npm' | 'pnpm';
  patterns: string[];
}

/** The workspace declaration of a folder: pnpm-workspace.yaml, or `workspaces` in package.json. */
export function workspaceDeclaration(project: Project): WorkspaceRoot | undefined {
  const pkg = readManifest(project);
  const yamlText = project.readText('pnpm-workspace.yaml');
  if (yamlText !== undefined) {
    const doc = (parseYaml(yamlText) ?? {}) as { packages?: unknown };
    const patterns = Array.isArray(doc.packages) ? doc.packages.filter((p): p is string => typeof p === 'string') : [];
    return { project, pkg, kind: 'pnpm', patterns };
  }
  const patterns = pkg ? workspacePatterns(pkg) : undefined;
  return patterns ? { project, pkg, kind: 'npm', patterns } : undefined;
}

/** Expands workspace globs (`packages/*`, `apps/**`, `tools/cli`, `!**\/test`) to member folders. */
export function expandWorkspaces(root: Project, patterns: string[]): string[] {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  const found = new Set<string>();
  for (const pattern of include) {
    for (const dir of expandOne(root, pattern.replace(/^\.\//, '').replace(/\/$/, '').split('/'), '')) {
      if (root.hasFile(`${dir}/package.json`) && !exclude.some((re) => re.test(dir))) found.add(dir);
    }
  }
  return [...found].sort();
}

function expandOne(root: Project, segments: string[], base: string): string[] {
  if (segments.length === 0) return base ? [base] : [];
  const [head, ...rest] = segments as [string, ...string[]];
  const join = (name: string) => (base ? `${base}/${name}` : name);
  const subdirs = () => root.list(base || '.').filter((n) => n !== 'node_modules' && !n.startsWith('.') && root.hasDir(join(n)));
  if (head === '**') {
    const here = expandOne(root, rest, base);
    const deeper = base.split('/').length > 6 ? [] : subdirs().flatMap((n) => expandOne(root, segments, join(n)));
    return [...here, ...deeper];
  }
  if (head.includes('*')) {
    const re = globToRegExp(head);
    return subdirs().filter((n) => re.test(n)).flatMap((n) => expandOne(root, rest, join(n)));
  }
  return root.hasDir(join(head)) ? expandOne(root, rest, join(head)) : [];
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('/')
    .map((seg) => (seg === '**' ? '.*' : seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')))
    .join('/');
  return new RegExp(`^${body.replace(/\.\*\//g, '(?:.*/)?')}$`);
}

/**
 * Walks up from the package folder to the nearest folder that declares workspaces including it.
 * Undefined when the package stands alone (or is itself the root).
 */
export function findWorkspace(project: Project, pkg: PackageJson): Workspace | undefined {
  const here = posix.normalize(project.root.replace(/\\/g, '/'));
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    const up = Array(depth).fill('..').join('/');
    const candidate = project.at(up);
    const decl = workspaceDeclaration(candidate);
    if (!decl) continue;
    const packageDir = posix.relative(posix.normalize(candidate.root.replace(/\\/g, '/')), here);
    const members = expandWorkspaces(candidate, decl.patterns);
    if (!members.includes(packageDir)) continue;
    return {
      rootFromPackage: up,
      packageDir,
      kind: decl.kind,
      members,
      localDependencies: localDependencyClosure(candidate, members, pkg),
    };
  }
  return undefined;
}

/** Member folders reachable from the package through dependencies (production ones only). */
export function localDependencyClosure(root: Project, members: string[], pkg: PackageJson): string[] {
  const byName = new Map<string, { dir: string; pkg: PackageJson }>();
  for (const dir of members) {
    const m = readManifest(root, dir);
    if (m?.name) byName.set(m.name, { dir, pkg: m });
  }
  const seen = new Set<string>();
  const visit = (p: PackageJson) => {
    for (const name of Object.keys({ ...(p.dependencies ?? {}), ...(p.optionalDependencies ?? {}) })) {
      const member = byName.get(name);
      if (member && !seen.has(member.dir)) {
        seen.add(member.dir);
        visit(member.pkg);
      }
    }
  };
  visit(pkg);
  return [...seen].sort();
}
