import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { diskProject, type Project } from '../project/project.js';
import { providers } from '../providers/index.js';
import type { Provider } from '../providers/provider.js';
import type { BuildPlan, InitOptions } from '../plan/types.js';
import { renderDockerfile } from '../render/dockerfile.js';
import { renderDockerignore } from '../render/dockerignore.js';
import { ExitCode, UserError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';

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

function describeLookedFor(stack: string): string {
  switch (stack) {
    case 'go':
      return 'go.mod (Go)';
    case 'bun':
      return 'bun.lock, bun.lockb or "packageManager": "bun@..." (Bun)';
    case 'node':
      return 'package.json (Node.js)';
    default:
      return 'requirements.txt, pyproject.toml, Pipfile, uv.lock, poetry.lock or setup.py (Python)';
  }
}

/** Reads a project and produces the plan, the Dockerfile and the .dockerignore, writing nothing. */
export function planInit(project: Project, options: InitOptions, render: { comments?: boolean } = {}, existingDockerignore?: string): InitResult {
  const { provider, facts } = detectProject(project, options);
  return renderPlan(project, provider.plan(facts, options), render, existingDockerignore);
}

function renderPlan(project: Project, plan: BuildPlan, render: { comments?: boolean }, existingDockerignore?: string): InitResult {
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
  const { provider, facts } = detectProject(project, options);
  const plan = provider.plan(facts, options);
  const ignorePath = join(project.root, plan.context, '.dockerignore');
  const existingIgnore = existsSync(ignorePath) ? readFileSync(ignorePath, 'utf8') : undefined;
  const result = renderPlan(project, plan, { comments: write.comments }, existingIgnore);
  if (write.dryRun) return { ...result, written: [] };
  if (!write.force) {
    const present = [dockerfilePath, ignorePath].filter((p) => existsSync(p));
    if (present.length > 0) {
      throw new UserError(
        `${present.join(' and ')} already exist${present.length === 1 ? 's' : ''}; nothing written`,
        ExitCode.refused,
        undefined,
        undefined,
        'pass --force to replace the Dockerfile (the old one is kept as Dockerfile.bak) and merge into .dockerignore (your lines are kept), or --stdout to print the result',
      );
    }
  }
  const written: string[] = [];
  if (existsSync(dockerfilePath)) {
    const previous = readFileSync(dockerfilePath, 'utf8');
    if (previous !== result.dockerfile) writeFileAtomic(`${dockerfilePath}.bak`, previous);
  }
  writeFileAtomic(dockerfilePath, result.dockerfile);
  written.push(dockerfilePath);
  // An existing .dockerignore is merged (the user's lines kept and first), so rewriting it loses nothing.
  if (existingIgnore !== result.dockerignore) {
    writeFileAtomic(ignorePath, result.dockerignore);
    written.push(ignorePath);
  }
  return { ...result, written };
}
