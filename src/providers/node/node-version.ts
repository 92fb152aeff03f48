import semver from 'semver';
import type { Project } from '../../project/project.js';
import { DecisionNeeded, ExitCode, UserError } from '../../util/errors.js';
import type { PackageJson } from './manifest.js';

/** Node.js LTS majors, newest first (as of December 2026: 26 entered LTS in October 2026). */
export const LTS_MAJORS = [26, 24, 22, 20, 18] as const;

/** nvm's LTS code names, lower-case. */
const LTS_CODENAMES: Record<string, number> = { hydrogen: 18, iron: 20, jod: 22, krypton: 24 };

/** Where the project says which Node.js it wants: the raw text and the file that says it. */
export interface NodeVersionSpec {
  spec: string;
  source: string;
}

/** engines.node, then .nvmrc, then .node-version, then .tool-versions / mise.toml (the package first, then the workspace root). */
export function findNodeVersionSpec(projects: { project: Project; pkg: PackageJson | undefined; label: string }[]): NodeVersionSpec | undefined {
  for (const { pkg, label } of projects) {
    const engines = pkg?.engines?.node;
    if (typeof engines === 'string' && engines.trim()) return { spec: engines.trim(), source: `${label}package.json engines.node` };
  }
  for (const file of ['.nvmrc', '.node-version']) {
    for (const { project, label } of projects) {
      const text = project.readText(file);
      const first = text?.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim()).find(Boolean);
      if (first) return { spec: first, source: `${label}${file}` };
    }
  }
  for (const { project, label } of projects) {
    // asdf / mise: `nodejs 20.11.0` (or `node 22`) in .tool-versions, `[tools] node = "22"` in mise.toml.
    const tv = /^\s*(?:nodejs|node)\s+(\S+)/m.exec(project.readText('.tool-versions') ?? '')?.[1];
    if (tv) return { spec: tv, source: `${label}.tool-versions` };
    const mise = /^\s*node\s*=\s*['"]([^'"]+)['"]/m.exec(project.readText('mise.toml') ?? project.readText('.mise.toml') ?? '')?.[1];
    if (mise) return { spec: mise, source: `${label}mise.toml` };
  }
  return undefined;
}

export interface ResolvedNodeVersion {
  major: number;
  /** What decided it: a file, --node-version, or the Node.js running stagecraft. */
  source: string;
  spec?: string;
}

/**
 * Maps what a project (or --node-version) says to a major: an exact version or major is taken
 * as is; a range gets the newest LTS major that has versions inside it; `lts/*` the newest LTS.
 */
export function resolveNodeMajor(spec: string, source: string): ResolvedNodeVersion {
  const s = spec.trim().toLowerCase().replace(/^v(?=\d)/, '');
  if (s === 'lts/*' || s === 'lts' || s === 'node' || s === 'latest' || s === 'current' || s === 'stable') {
    return { major: LTS_MAJORS[0], source, spec };
  }
  const codename = /^lts\/(.+)$/.exec(s)?.[1];
  if (codename) {
    const major = LTS_CODENAMES[codename];
    if (major) return { major, source, spec };
    throw new DecisionNeeded(`unknown Node.js LTS name "${spec}" in ${source}`, 'pass --node-version with a major, e.g. --node-version 22');
  }
  if (/^\d+(\.\d+){0,2}$/.test(s)) return { major: Number(s.split('.')[0]), source, spec };
  const range = semver.validRange(s);
  if (!range) {
    throw new DecisionNeeded(`cannot read the Node.js version "${spec}" in ${source}`, 'pass --node-version with a major, e.g. --node-version 22');
  }
  for (const major of LTS_MAJORS) {
    if (semver.intersects(range, `>=${major}.0.0 <${major + 1}.0.0`)) return { major, source, spec };
  }
  // No LTS line fits (e.g. "^21"): the lowest version the range allows says which major.
  const min = semver.minVersion(range);
  if (min) return { major: min.major, source, spec };
  throw new DecisionNeeded(`no Node.js version satisfies "${spec}" in ${source}`, 'pass --node-version with a major, e.g. --node-version 22');
}

/** --node-version, else what the project says, else the major of the Node.js running stagecraft. */
export function chooseNodeVersion(projectSpec: NodeVersionSpec | undefined, flag: string | undefined, hostNodeMajor: number): ResolvedNodeVersion {
  if (flag) {
    // A flag the user typed wrong is a usage error (exit 2), not a decision init refuses to make.
    try {
      return resolveNodeMajor(flag, '--node-version');
    } catch (err) {
      if (!(err instanceof DecisionNeeded)) throw err;
      throw new UserError(`--node-version ${flag}: not a Node.js version or range (expected e.g. 22, 22.11.0 or ">=20")`, ExitCode.usage);
    }
  }
  if (projectSpec) return resolveNodeMajor(projectSpec.spec, projectSpec.source);
  return { major: hostNodeMajor, source: 'the Node.js running stagecraft (the project names no version)' };
}
