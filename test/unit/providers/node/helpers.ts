import { memoryProject, type Project } from '../../../../src/project/project.js';
import type { InitOptions } from '../../../../src/plan/types.js';

/** A package.json text. */
export function pkg(fields: Record<string, unknown>): string {
  return JSON.stringify({ name: 'app', version: '1.0.0', ...fields }, null, 2);
}

/** A package-lock v3 whose root entry matches the manifest (so strict installs accept it). */
export function npmLock(fields: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const root: Record<string, unknown> = { name: 'app', version: '1.0.0' };
  for (const k of ['dependencies', 'devDependencies', 'optionalDependencies']) if (fields[k]) root[k] = fields[k];
  return JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': root, ...extra } });
}

export function project(files: Record<string, string>): Project {
  return memoryProject(files);
}

export const opts = (o: Partial<InitOptions> = {}): InitOptions => ({ hostNodeMajor: 20, ...o });
