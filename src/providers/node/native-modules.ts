/**
 * Packages known to compile or download a native binary at install time: they need a toolchain
 * in the build stage and break or rebuild from source on musl (Alpine).
 */
export const KNOWN_NATIVE_PACKAGES = [
  'sharp',
  'bcrypt',
  'better-sqlite3',
  'sqlite3',
  'canvas',
  'argon2',
  'prisma',
  '@prisma/client',
  'node-gyp',
  'node-sass',
  'bufferutil',
  'utf-8-validate',
  're2',
  'cpu-features',
  'ssh2',
  'node-pty',
  'libxmljs',
  'oracledb',
] as const;

export interface NativeModules {
  /** Native packages the production install builds (known names among the dependencies, or marked in the lockfile). */
  production: string[];
  /** Known native packages only the build stage's full install builds. */
  buildOnly: string[];
}

/**
 * Known native packages named in the manifests, plus those the lockfile marks as running an
 * install script in the production tree (dev-only install scripts such as esbuild's check need
 * no toolchain, so they count only when the package is a known native one).
 */
export function detectNativeModules(prodDeps: string[], devDeps: string[], lockScripts: { production: string[]; dev: string[] }): NativeModules {
  const known = new Set<string>(KNOWN_NATIVE_PACKAGES);
  const production = new Set([...prodDeps.filter((d) => known.has(d)), ...lockScripts.production]);
  const buildOnly = new Set([...devDeps, ...lockScripts.dev].filter((d) => known.has(d) && !production.has(d)));
  return { production: [...production].sort(), buildOnly: [...buildOnly].sort() };
}

export function hasNativeModules(n: NativeModules): boolean {
  return n.production.length > 0 || n.buildOnly.length > 0;
}
