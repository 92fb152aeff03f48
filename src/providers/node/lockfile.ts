import { parse as parseYaml } from 'yaml';
import type { Project } from '../../project/project.js';
import type { PackageJson } from './manifest.js';
import type { NodePackageManager } from './package-manager.js';

/** A package whose manifest the lockfile must match: its folder relative to the install root. */
export interface LockedPackage {
  dir: string;
  pkg: PackageJson;
}

interface NpmLock {
  lockfileVersion?: number;
  packages?: Record<string, { name?: string; dev?: boolean; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; hasInstallScript?: boolean }>;
}

const DEP_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/**
 * What a strict install (`npm ci`, `pnpm install --frozen-lockfile`, `yarn --frozen-lockfile`)
 * would reject: dependencies whose range in package.json differs from the lockfile's, or that the
 * lockfile lacks. Empty when in sync or when the lockfile format records no ranges (npm v1).
 */
export function lockfileMismatches(root: Project, pm: NodePackageManager, lockfile: string, packages: LockedPackage[]): string[] {
  const text = root.readText(lockfile);
  if (text === undefined) return [];
  if (pm === 'npm') return npmMismatches(root.readJson<NpmLock>(lockfile) ?? {}, packages);
  if (pm === 'pnpm') return pnpmMismatches(text, packages);
  return yarnMismatches(text, packages);
}

function where(dir: string): string {
  return dir === '.' ? '' : ` (${dir})`;
}

function npmMismatches(lock: NpmLock, packages: LockedPackage[]): string[] {
  if (!lock.packages) return [];
  const out: string[] = [];
  for (const { dir, pkg } of packages) {
    const locked = lock.packages[dir === '.' ? '' : dir];
    if (!locked) {
      out.push(`${dir} is not in the lockfile`);
      continue;
    }
    for (const field of DEP_FIELDS) {
      const want = pkg[field] ?? {};
      const have = locked[field] ?? {};
      for (const [name, range] of Object.entries(want)) {
        if (!(name in have)) out.push(`${name}${where(dir)} is missing from the lockfile`);
        else if (have[name] !== range) out.push(`${name}${where(dir)} is ${range} in package.json but ${have[name]} in the lockfile`);
      }
      for (const name of Object.keys(have)) if (!(name in want)) out.push(`${name}${where(dir)} is in the lockfile but no longer in package.json`);
    }
  }
  return out;
}

function pnpmMismatches(text: string, packages: LockedPackage[]): string[] {
  let lock: { importers?: Record<string, Record<string, Record<string, { specifier?: string }>>> } & Record<string, unknown>;
  try {
    lock = (parseYaml(text) ?? {}) as typeof lock;
  } catch {
    return ['the lockfile is not valid YAML'];
  }
  const out: string[] = [];
  for (const { dir, pkg } of packages) {
    // Single-project lockfiles before v9 keep the importer's fields at the top level.
    const importer = lock.importers?.[dir] ?? (dir === '.' && !lock.importers ? (lock as Record<string, Record<string, { specifier?: string }>>) : undefined);
    if (!importer) {
      out.push(`${dir} is not in the lockfile`);
      continue;
    }
    for (const field of DEP_FIELDS) {
      for (const [name, range] of Object.entries(pkg[field] ?? {})) {
        const entry = importer[field]?.[name];
        const specifier = entry && typeof entry === 'object' ? entry.specifier : undefined;
        if (!entry) out.push(`${name}${where(dir)} is missing from the lockfile`);
        else if (specifier !== undefined && specifier !== range) out.push(`${name}${where(dir)} is ${range} in package.json but ${specifier} in the lockfile`);
      }
    }
  }
  return out;
}

/** Yarn keys: `express@^5.1.0, express@^5.0.0:` (v1) or `"express@npm:^5.1.0":` (Berry). */
function yarnMismatches(text: string, packages: LockedPackage[]): string[] {
  const keys = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith(' ') || line.startsWith('#') || !line.endsWith(':')) continue;
    for (const k of line.slice(0, -1).split(',')) keys.add(k.trim().replace(/^"|"$/g, ''));
  }
  const out: string[] = [];
  for (const { dir, pkg } of packages) {
    for (const field of DEP_FIELDS) {
      for (const [name, range] of Object.entries(pkg[field] ?? {})) {
        if (/^(workspace:|file:|link:|portal:)/.test(range)) continue;
        if (!keys.has(`${name}@${range}`) && !keys.has(`${name}@npm:${range}`)) {
          // A workspace sibling named by version is not a lockfile entry in Yarn 1.
          if (packages.some((p) => p.pkg.name === name)) continue;
          out.push(`${name}@${range}${where(dir)} is missing from the lockfile`);
        }
      }
    }
  }
  return out;
}

/**
 * Packages a package-lock v2/v3 marks `hasInstallScript` (native builds, downloads), split into
 * those the production install runs and those only the full (dev) install does.
 */
export function packagesWithInstallScripts(root: Project, lockfile: string | undefined): { production: string[]; dev: string[] } {
  const production = new Set<string>();
  const dev = new Set<string>();
  if (lockfile?.endsWith('.json')) {
    const lock = root.readJson<NpmLock>(lockfile);
    for (const [path, entry] of Object.entries(lock?.packages ?? {})) {
      if (!path.includes('node_modules/') || !entry?.hasInstallScript) continue;
      (entry.dev ? dev : production).add(entry.name ?? path.replace(/^.*node_modules\//, ''));
    }
  }
  return { production: [...production].sort(), dev: [...dev].sort() };
}
