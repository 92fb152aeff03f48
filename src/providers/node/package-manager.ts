import type { Project } from '../../project/project.js';
import type { PackageJson } from './manifest.js';

export type NodePackageManager = 'npm' | 'pnpm' | 'yarn' | 'yarn-berry';

export interface PackageManagerInfo {
  name: NodePackageManager;
  /** An exact version (from `packageManager`) or a major (from the lockfile); undefined: the image's own. */
  version?: string;
  /** What said so: `packageManager`, a lockfile name, `engines.<pm>`, or `default`. */
  source: string;
  /** The lockfile at the install root, when there is one. */
  lockfile?: string;
}

const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

/** pnpm lockfileVersion -> the pnpm major that writes it (9.0 is also read by later majors). */
function pnpmMajorForLockfile(text: string): string | undefined {
  const v = /^lockfileVersion:\s*'?([\d.]+)'?/m.exec(text)?.[1];
  if (!v) return undefined;
  const table: Record<string, string> = { '5.3': '6', '5.4': '7', '6.0': '8', '6.1': '8', '9.0': '9' };
  return table[v];
}

function npmLockfile(root: Project): string | undefined {
  return NPM_LOCKFILES.find((f) => root.hasFile(f));
}

/** Yarn 2+ writes a `__metadata:` block in yarn.lock; Yarn 1 writes `# yarn lockfile v1`. */
function isBerryLockfile(text: string): boolean {
  return /^__metadata:/m.test(text);
}

/**
 * First match wins: the `packageManager` field (Corepack), then lockfiles (pnpm, Yarn 2+ through
 * .yarnrc.yml or its lockfile format, Yarn 1), then `engines.pnpm|yarn`, then npm. `root` is where
 * the lockfile lives (the workspace root for a package inside a monorepo).
 */
export function detectPackageManager(root: Project, rootPkg: PackageJson | undefined, pkg: PackageJson | undefined): PackageManagerInfo {
  const field = rootPkg?.packageManager ?? pkg?.packageManager;
  const m = typeof field === 'string' ? /^(npm|pnpm|yarn)@([^+\s]+)/.exec(field.trim()) : null;
  if (m) {
    const [, tool, version] = m as unknown as [string, string, string];
    const major = Number(version.split('.')[0]);
    const name: NodePackageManager = tool === 'yarn' ? (major >= 2 ? 'yarn-berry' : 'yarn') : (tool as NodePackageManager);
    return { name, version, source: 'packageManager', lockfile: lockfileFor(root, name) };
  }
  if (root.hasFile('pnpm-lock.yaml')) {
    return { name: 'pnpm', version: pnpmMajorForLockfile(root.readText('pnpm-lock.yaml') ?? ''), source: 'pnpm-lock.yaml', lockfile: 'pnpm-lock.yaml' };
  }
  const yarnLock = root.readText('yarn.lock');
  if (root.hasFile('.yarnrc.yml') || (yarnLock !== undefined && isBerryLockfile(yarnLock))) {
    return { name: 'yarn-berry', version: berryVersionFromReleases(root), source: root.hasFile('.yarnrc.yml') ? '.yarnrc.yml' : 'yarn.lock', lockfile: yarnLock !== undefined ? 'yarn.lock' : undefined };
  }
  if (yarnLock !== undefined) return { name: 'yarn', source: 'yarn.lock', lockfile: 'yarn.lock' };
  const npmLock = npmLockfile(root);
  if (npmLock) return { name: 'npm', source: npmLock, lockfile: npmLock };
  const engines = { ...(rootPkg?.engines ?? {}), ...(pkg?.engines ?? {}) };
  if (engines.pnpm) return { name: 'pnpm', version: majorOf(engines.pnpm), source: 'engines.pnpm' };
  if (engines.yarn) {
    const major = majorOf(engines.yarn);
    return { name: major && Number(major) >= 2 ? 'yarn-berry' : 'yarn', version: major, source: 'engines.yarn' };
  }
  return { name: 'npm', source: 'default' };
}

function lockfileFor(root: Project, name: NodePackageManager): string | undefined {
  if (name === 'pnpm') return root.hasFile('pnpm-lock.yaml') ? 'pnpm-lock.yaml' : undefined;
  if (name === 'yarn' || name === 'yarn-berry') return root.hasFile('yarn.lock') ? 'yarn.lock' : undefined;
  return npmLockfile(root);
}

function majorOf(range: string): string | undefined {
  return /(\d+)/.exec(range)?.[1];
}

/** `.yarn/releases/yarn-4.5.0.cjs` -> `4.5.0`. */
function berryVersionFromReleases(root: Project): string | undefined {
  for (const f of root.list('.yarn/releases')) {
    const v = /^yarn-(\d+\.\d+\.\d+[^/]*)\.c?js$/.exec(f)?.[1];
    if (v) return v;
  }
  return undefined;
}
