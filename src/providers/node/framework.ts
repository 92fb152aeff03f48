import type { Project } from '../../project/project.js';
import { allDependencies, parseJsonc, type PackageJson } from './manifest.js';

export type Framework =
  /** Next.js with `output: 'standalone'`: .next/standalone carries server.js and a traced node_modules. */
  | { kind: 'next-standalone'; config: string; hasPublic: boolean }
  /** Next.js without standalone output: runs `next start` from the full production node_modules. */
  | { kind: 'next'; config?: string; hasPublic: boolean }
  /** A static single-page app: the build writes `outDir`, a web server image serves it. */
  | { kind: 'static'; tool: string; outDir: string }
  /** A server build that carries its own dependencies (Nuxt/Nitro `.output`): nothing else ships. */
  | { kind: 'bundled-server'; tool: string; outDir: string; entry: string }
  /** A server build that runs on the production node_modules (SvelteKit adapter-node `build/`). */
  | { kind: 'server-build'; tool: string; outDir: string; entry: string };

const NEXT_CONFIGS = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'];

/** Static site builders and where they write by default. */
const STATIC_TOOLS: { dep: string; tool: string; outDir: string; configs: string[] }[] = [
  { dep: 'vite', tool: 'Vite', outDir: 'dist', configs: ['vite.config.js', 'vite.config.mjs', 'vite.config.ts', 'vite.config.mts'] },
  { dep: 'react-scripts', tool: 'Create React App', outDir: 'build', configs: [] },
  { dep: 'astro', tool: 'Astro', outDir: 'dist', configs: ['astro.config.mjs', 'astro.config.js', 'astro.config.ts'] },
  { dep: 'parcel', tool: 'Parcel', outDir: 'dist', configs: [] },
];

/** `outDir: 'build'` in a config file, read as text (configs are code, not data). */
function outDirFromConfig(text: string): string | undefined {
  return /\boutDir\s*:\s*['"`]([^'"`]+)['"`]/.exec(text)?.[1]?.replace(/^\.\//, '').replace(/\/$/, '');
}

/**
 * Next.js by its dependency and config; a static SPA when a static builder is a dependency, there
 * is a build script, and nothing starts a server (no start script run by node, no server file, no
 * server adapter).
 */
export function detectFramework(project: Project, pkg: PackageJson, hasServerEntry: boolean): Framework | undefined {
  const deps = allDependencies(pkg);
  if (deps.next) {
    const config = NEXT_CONFIGS.find((f) => project.hasFile(f));
    const text = config ? (project.readText(config) ?? '') : '';
    const hasPublic = project.hasDir('public');
    if (/\boutput\s*:\s*['"`]standalone['"`]/.test(text)) return { kind: 'next-standalone', config: config!, hasPublic };
    if (/\boutput\s*:\s*['"`]export['"`]/.test(text)) return { kind: 'static', tool: 'Next.js static export', outDir: outDirFromNextExport(text) };
    return { kind: 'next', config, hasPublic };
  }
  const build = pkg.scripts?.build;
  if (deps.nuxt && build) {
    if (/\bnux[ti]\s+generate\b/.test(build)) return { kind: 'static', tool: 'Nuxt generate', outDir: '.output/public' };
    if (!hasServerEntry) return { kind: 'bundled-server', tool: 'Nuxt', outDir: '.output', entry: '.output/server/index.mjs' };
  }
  if (deps['@sveltejs/kit'] && build && !hasServerEntry) {
    if (deps['@sveltejs/adapter-node']) return { kind: 'server-build', tool: 'SvelteKit (adapter-node)', outDir: 'build', entry: 'build/index.js' };
    if (deps['@sveltejs/adapter-static']) return { kind: 'static', tool: 'SvelteKit (adapter-static)', outDir: 'build' };
    // adapter-auto and the platform adapters build for a host, not for a container.
    return undefined;
  }
  if (!build || hasServerEntry) return undefined;
  if (Object.keys(deps).some((d) => d.startsWith('@astrojs/node') || d === '@sveltejs/adapter-node')) return undefined;
  for (const t of STATIC_TOOLS) {
    if (!deps[t.dep]) continue;
    const config = t.configs.find((f) => project.hasFile(f));
    const outDir = (config && outDirFromConfig(project.readText(config) ?? '')) || t.outDir;
    return { kind: 'static', tool: t.tool, outDir };
  }
  return undefined;
}

function outDirFromNextExport(text: string): string {
  return /\bdistDir\s*:\s*['"`]([^'"`]+)['"`]/.exec(text)?.[1] ?? 'out';
}

/** Where a TypeScript build writes (tsconfig outDir) and reads (rootDir). */
export function typescriptDirs(project: Project): { outDir?: string; rootDir?: string } {
  const text = project.readText('tsconfig.json');
  if (text === undefined) return {};
  const cfg = parseJsonc<{ compilerOptions?: { outDir?: string; rootDir?: string } }>(text);
  const clean = (p: string | undefined) => p?.replace(/^\.\//, '').replace(/\/$/, '') || undefined;
  return { outDir: clean(cfg?.compilerOptions?.outDir), rootDir: clean(cfg?.compilerOptions?.rootDir) };
}

/**
 * The folder a build script writes that the runtime needs: tsconfig's outDir, else the first folder
 * of a start file that is not in the source tree, else `dist` when the build runs tsc.
 */
export function buildOutputDir(project: Project, pkg: PackageJson, startFile: string | undefined): string | undefined {
  if (!pkg.scripts?.build) return undefined;
  const ts = typescriptDirs(project);
  if (ts.outDir && ts.outDir !== '.') return ts.outDir;
  // A server that also builds a front end (Vite beside server.js): the builder's output folder.
  const deps = allDependencies(pkg);
  for (const t of STATIC_TOOLS) {
    if (!deps[t.dep]) continue;
    const config = t.configs.find((f) => project.hasFile(f));
    return (config && outDirFromConfig(project.readText(config) ?? '')) || t.outDir;
  }
  for (const candidate of [startFile, pkg.main]) {
    if (candidate && candidate.includes('/') && !project.hasFile(candidate)) return candidate.split('/')[0];
  }
  if (/\btsc\b|\besbuild\b|\btsup\b|\bswc\b|\brollup\b|\bwebpack\b/.test(pkg.scripts.build)) return 'dist';
  return undefined;
}
