import { basename, join } from 'node:path';
import { existsSync, lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { diskProject, type Project } from '../project/project.js';
import { providers } from '../providers/index.js';
import type { Provider } from '../providers/provider.js';
import type { BuildPlan, InitOptions } from '../plan/types.js';
import { renderDockerfile, type RenderOptions } from '../render/dockerfile.js';
import { renderDockerignore } from '../render/dockerignore.js';
import { ExitCode, UserError } from '../util/errors.js';
import { writeFilesAtomic } from '../util/fs.js';

export interface InitResult {
  plan: BuildPlan;
  dockerfile: string;
  dockerignore: string;
}

/** Finds the provider for a project: `options.stack` when given, otherwise the first that detects. */
export function detectProject(project: Project, options: InitOptions): { provider: Provider; facts: unknown } {
  const candidates = options.stack ? providers.filter((p) => p.name === options.stack) : providers;
  for (const provider of candidates) {
    const facts = provider.detect(project, options);
    if (facts !== undefined) return { provider, facts };
  }
  if (options.stack) {
    throw new UserError(`this does not look like a ${options.stack} project: ${describeLookedFor(options.stack)}`, ExitCode.refused, project.root);
  }
  throw new UserError(
    `no supported stack found. Looked for ${['go', 'bun', 'node', 'python'].map(describeLookedFor).join('; ')}`,
    ExitCode.refused,
    project.root,
    undefined,
    'stagecraft supports Node.js, Bun, Go and Python projects; pass --stack to choose one',
  );
}

/** The files that make each stack a candidate, in detection order. */
const STACK_MARKERS: [string, string[]][] = [
  ['go', ['go.mod']],
  ['bun', ['bun.lock', 'bun.lockb']],
  ['node', ['package.json']],
  ['python', ['requirements.txt', 'pyproject.toml', 'Pipfile', 'uv.lock', 'poetry.lock', 'setup.py']],
];

/**
 * A note when detection picked one stack and another's manifest is there too (a Go service with a
 * package.json for its front-end tooling): first match wins, so say which won and how to choose.
 */
export function otherStacksNote(project: Project, chosen: string): string | undefined {
  const others = STACK_MARKERS.filter(([stack]) => stack !== chosen && !(chosen === 'bun' && stack === 'node'))
    .map(([stack, files]) => ({ stack, found: files.filter((f) => project.hasFile(f)) }))
    .filter((o) => o.found.length > 0);
  if (others.length === 0) return undefined;
  return `also found ${others.map((o) => `${o.found.join(', ')} (${o.stack})`).join('; ')}: detection order is go, bun, node, python and the first match wins; pass --stack ${others[0]!.stack} to build that instead`;
}

function describeLookedFor(stack: string): string {
  switch (stack) {
    case 'go':
      return 'go.mod (Go)';
    case 'bun':
      return 'bun.lock, bun.lockb or "packageManager": "bun@..." (Bun)';
    case 'node':
      return 'package.json (Node.js)';
    default:
      return 'requirements.txt (or requirements/production.txt, base.txt...), pyproject.toml, Pipfile, uv.lock, poetry.lock or setup.py (Python)';
  }
}

/** Reads a project and produces the plan, the Dockerfile and the .dockerignore, writing nothing. */
export function planInit(project: Project, options: InitOptions, render: RenderOptions = {}, existingDockerignore?: string): InitResult {
  return renderPlan(project, planFor(project, options), render, existingDockerignore);
}

function planFor(project: Project, options: InitOptions): BuildPlan {
  const { provider, facts } = detectProject(project, options);
  const plan = provider.plan(facts, options);
  const other = options.stack ? undefined : otherStacksNote(project, provider.name);
  return other ? { ...plan, notes: [...plan.notes, other] } : plan;
}

function renderPlan(project: Project, plan: BuildPlan, render: RenderOptions, existingDockerignore?: string): InitResult {
  const dockerfile = renderDockerfile(plan, render);
  const dockerignore = renderDockerignore({
    entries: plan.dockerignore.entries,
    keep: plan.dockerignore.keep,
    existing: existingDockerignore,
    gitignore: project.at(plan.context).readText('.gitignore'),
  });
  return { plan, dockerfile, dockerignore };
}

export interface WriteOptions {
  force?: boolean;
  /** Name of the Dockerfile to write (default `Dockerfile`). */
  file?: string;
}

/**
 * Runs init on a folder and writes the two files. Refuses (exit 1) before writing anything when a
 * file exists and `force` is not set; each write is atomic.
 */
export function initFolder(dir: string, options: InitOptions, write: WriteOptions & { comments?: boolean; dryRun?: boolean }): InitResult & { written: string[] } {
  const project = diskProject(dir);
  const dockerfilePath = join(project.root, write.file ?? 'Dockerfile');
  // The plan says where the build context is (a workspace root for a monorepo package); the
  // .dockerignore belongs there. Plan once to learn it, then merge with the file found there.
  const plan = planFor(project, options);
  const ignorePath = join(project.root, plan.context, '.dockerignore');
  const existingIgnore = isFile(ignorePath) ? readFileSync(ignorePath, 'utf8') : undefined;
  const result = renderPlan(project, plan, { comments: write.comments, file: write.file }, existingIgnore);
  if (write.dryRun) return { ...result, written: [] };
  // A folder where a file should go: --force cannot settle it, and nothing is written.
  for (const p of [dockerfilePath, ignorePath]) {
    if (existsSync(p) && !statSync(p).isFile()) {
      throw new UserError(
        `${p} is ${statSync(p).isDirectory() ? 'a folder' : 'not a regular file'}; init writes only regular files and will not replace it, even with --force`,
        ExitCode.refused,
        undefined,
        undefined,
        p === dockerfilePath ? 'pass -f <name> to write the Dockerfile under another name, or --stdout to print it' : 'move it away, or pass --stdout to print the Dockerfile',
      );
    }
  }
  const bakName = `${basename(dockerfilePath)}.bak`;
  if (!write.force) {
    const present = [dockerfilePath, ignorePath].filter((p) => existsSync(p));
    if (present.length > 0) {
      throw new UserError(
        `${present.join(' and ')} already exist${present.length === 1 ? 's' : ''}; nothing written`,
        ExitCode.refused,
        undefined,
        undefined,
        `pass --force to replace the Dockerfile (the old one is kept as ${bakName}) and merge into .dockerignore (your lines are kept), or --stdout to print the result`,
      );
    }
  }
  // rename() replaces a symbolic link itself, never its target: say so rather than surprise.
  const linkNotes = [dockerfilePath, ignorePath].filter(isSymlink).map((p) => `${p} was a symbolic link (to ${readlinkSync(p)}): replaced by a regular file, the link's target is unchanged`);
  const files: { path: string; content: string }[] = [];
  if (isFile(dockerfilePath)) {
    const previous = readFileSync(dockerfilePath, 'utf8');
    if (previous !== result.dockerfile) files.push({ path: `${dockerfilePath}.bak`, content: previous });
  }
  files.push({ path: dockerfilePath, content: result.dockerfile });
  // An existing .dockerignore is merged (the user's lines kept and first), so rewriting it loses nothing.
  if (existingIgnore !== result.dockerignore) files.push({ path: ignorePath, content: result.dockerignore });
  // All or nothing: a read-only folder or a full disk fails before any file changes.
  writeFilesAtomic(files);
  const written = files.map((f) => f.path).filter((p) => p !== `${dockerfilePath}.bak`);
  return { ...result, plan: linkNotes.length ? { ...result.plan, notes: [...result.plan.notes, ...linkNotes] } : result.plan, written };
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
