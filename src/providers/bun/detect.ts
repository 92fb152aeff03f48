import semver from 'semver';
import type { Project } from '../../project/project.js';
import type { InitOptions } from '../../plan/types.js';
import { join } from 'node:path';
import { parseJsonc, readManifest } from '../node/manifest.js';
import { ExitCode, UserError } from '../../util/errors.js';

interface PackageJson {
  name?: string;
  main?: string;
  module?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  packageManager?: string;
  engines?: Record<string, string>;
  workspaces?: unknown;
}

export interface BunFacts {
  /** bun.lock (text, Bun >= 1.2) and/or bun.lockb (binary, older Bun), as present. */
  lockfiles: string[];
  /** Extra config the install reads: bunfig.toml, .npmrc. */
  installConfig: string[];
  /** Bun major for the image tags, and where it came from. */
  bunMajor: number;
  bunVersionFrom: string;
  /** The file the app starts from, and where that was found; undefined when nothing says. */
  entry?: string;
  entryFrom?: string;
  /** Arguments after the entry in the start script (`bun run src/index.ts --flag`). */
  entryArgs: string[];
  /** The entry does not exist in the tree (made by the build script, or a mistake). */
  entryMissing: boolean;
  hasBuildScript: boolean;
  hasPublicDir: boolean;
  workspaces: boolean;
  ports: number[];
  /** Dependencies with native addons: they cannot be bundled or compiled into one file. */
  nativeDeps: string[];
  dependencyCount: number;
  devDependencies: string[];
}

/** Packages with native addons (`.node` files) or engines next to the JS. */
export const NATIVE_PACKAGES = ['sharp', 'bcrypt', 'better-sqlite3', 'sqlite3', 'canvas', '@prisma/client', 'prisma', 'argon2', 'node-pty', 're2'];

const ENTRY_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const FALLBACK_ENTRIES = ['src/index.ts', 'index.ts', 'src/index.js', 'index.js', 'src/server.ts', 'server.ts'];

/**
 * The entry of a start command: `bun run src/index.ts`, `bun src/index.ts --x`, `bun --smol run a.ts`.
 * Undefined for anything else (`bun run build && ...`, `node x.js`, a package script name).
 */
export function entryOfBunCommand(argv: string[]): { entry: string; args: string[] } | undefined {
  if (argv[0] !== 'bun' || argv.some((a) => /^(&&|\|\||;|\|)$/.test(a))) return undefined;
  let i = 1;
  while (i < argv.length && (argv[i]!.startsWith('-') || argv[i] === 'run')) i += 1;
  const file = argv[i];
  if (!file || !ENTRY_FILE.test(file)) return undefined;
  return { entry: file.replace(/^\.\//, ''), args: argv.slice(i + 1) };
}

export function findBunPorts(text: string): number[] {
  const found: number[] = [];
  const patterns = [/\bport\s*[:=]\s*(\d{2,5})\b/gi, /PORT\s*(?:\?\?|\|\|)\s*['"]?(\d{2,5})/g, /\.listen\(\s*(\d{2,5})/g];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const n = Number(m[1]);
      if (n > 0 && n < 65536 && !found.includes(n)) found.push(n);
    }
  }
  return found;
}

/** A Bun project: `packageManager: bun@...`, else bun.lock / bun.lockb, else `engines.bun` with no other lockfile (or any package.json with --stack bun). */
export function detectBun(project: Project, options: InitOptions): BunFacts | undefined {
  const pkg = readManifest(project) as PackageJson | undefined;
  const lockfiles = ['bun.lock', 'bun.lockb'].filter((f) => project.hasFile(f));
  const pm = typeof pkg?.packageManager === 'string' ? pkg.packageManager : undefined;
  const otherLock = ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'npm-shrinkwrap.json'].some((f) => project.hasFile(f));
  // --stack bun: the user says so; a package.json is enough.
  const isBun = (options.stack === 'bun' && pkg !== undefined) || (pm ? pm.startsWith('bun@') : lockfiles.length > 0 || (!!pkg?.engines?.bun && !otherLock));
  if (!isBun) return undefined;
  // `bun install --frozen-lockfile` in the image reads bun.lock (JSON with trailing commas): a broken one stops here.
  const lockText = project.readText('bun.lock');
  if (lockText !== undefined && parseJsonc(lockText.replace(/^\uFEFF/, '')) === undefined) {
    throw new UserError('bun.lock is not valid JSON: bun install --frozen-lockfile in the image would fail', ExitCode.usage, join(project.root, 'bun.lock'), undefined, 'run `bun install` to rewrite it, commit it, then run init again');
  }
  const p: PackageJson = pkg ?? {};

  let bunMajor = 1;
  let bunVersionFrom = 'default';
  const pmVersion = pm?.slice(4).split('+')[0];
  const range = pmVersion ?? p.engines?.bun;
  const min = range ? semver.minVersion(semver.validRange(range) ?? '') : null;
  if (min) {
    bunMajor = min.major;
    bunVersionFrom = pmVersion ? 'packageManager' : 'engines.bun';
  }

  let entry: { entry: string; args: string[] } | undefined;
  let entryFrom: string | undefined;
  const start = p.scripts?.start;
  if (start) {
    entry = entryOfBunCommand(start.trim().split(/\s+/));
    if (entry) entryFrom = 'scripts.start';
  }
  for (const field of ['module', 'main'] as const) {
    const v = p[field];
    if (!entry && typeof v === 'string' && ENTRY_FILE.test(v)) {
      entry = { entry: v.replace(/^\.\//, ''), args: [] };
      entryFrom = field;
    }
  }
  if (!entry) {
    const f = FALLBACK_ENTRIES.find((x) => project.hasFile(x));
    if (f) {
      entry = { entry: f, args: [] };
      entryFrom = f;
    }
  }

  const deps = Object.keys(p.dependencies ?? {});
  const entryText = entry ? project.readText(entry.entry) : undefined;
  return {
    lockfiles,
    installConfig: ['bunfig.toml', '.npmrc'].filter((f) => project.hasFile(f)),
    bunMajor,
    bunVersionFrom,
    ...(entry ? { entry: entry.entry, entryFrom } : {}),
    entryArgs: entry?.args ?? [],
    entryMissing: entry !== undefined && entryText === undefined,
    hasBuildScript: typeof p.scripts?.build === 'string',
    hasPublicDir: project.hasDir('public'),
    workspaces: p.workspaces !== undefined,
    ports: entryText ? findBunPorts(entryText) : [],
    nativeDeps: deps.filter((d) => NATIVE_PACKAGES.includes(d)),
    dependencyCount: deps.length,
    devDependencies: Object.keys(p.devDependencies ?? {}),
  };
}
