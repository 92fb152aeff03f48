import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { ExitCode, UserError } from '../util/errors.js';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { planInit } from '../init/init.js';
import type { InitOptions } from '../plan/types.js';
import { diskProject } from '../project/project.js';
import { type BuildRequest, type BuildResult, buildImage, defaultTag, resolveDockerfile, siblingTag } from './build.js';
import { naiveDockerfile } from './naive.js';
import type { ProgressView } from './view.js';

export type Baseline =
  /** A Dockerfile of the user's, built in the same context. */
  | { kind: 'dockerfile'; file: string }
  /** The single-stage Dockerfile derived from the init plan of `project` (default: the Dockerfile's folder). */
  | { kind: 'naive'; project?: string; initOptions?: Partial<InitOptions> };

export interface BaselineResult extends BuildResult {
  /** How many times larger the baseline is than the image (baseline size / image size). */
  ratio: number | null;
  /** What the baseline was: `naive` or the Dockerfile path. */
  kind: 'naive' | 'dockerfile';
  /** The derived Dockerfile text, for --compare-naive (it is written only to a temp folder). */
  naiveDockerfile?: string;
}

export interface CompareResult extends BuildResult {
  baseline: BaselineResult;
}

export function sizeRatio(baseline: number | null, image: number | null): number | null {
  if (!baseline || !image) return null;
  return Math.round((baseline / image) * 100) / 100;
}

/** Builds the image, then the baseline (the naive one from a temp folder, never the user's), and compares sizes. */
export async function buildAndCompare(
  request: BuildRequest,
  baseline: Baseline,
  views: { image?: ProgressView; baseline?: ProgressView } = {},
): Promise<CompareResult> {
  // What the baseline needs is checked before the image is built: a missing --compare file or a
  // project init cannot plan fails in a second, not after the first build.
  if (baseline.kind === 'dockerfile' && !isFile(resolve(baseline.file))) {
    throw new UserError(`--compare: no Dockerfile at ${resolve(baseline.file)}`, ExitCode.usage, undefined, undefined, 'name the baseline Dockerfile, or use --compare-naive to derive one');
  }
  const project = baseline.kind === 'naive' ? (baseline.project ?? dirname(resolveDockerfile(resolve(request.context), request.file))) : '';
  const plan = baseline.kind === 'naive' ? planInit(diskProject(project), { hostNodeMajor: Number(process.versions.node.split('.')[0]), ...baseline.initOptions }).plan : undefined;
  const image = await buildImage({ ...request, view: views.image ?? request.view });
  const tag = request.tag ?? defaultTag(request.context);
  const baseRequest: BuildRequest = { ...request, target: undefined, push: false, cacheTo: undefined, view: views.baseline, tag: siblingTag(tag, baseline.kind === 'naive' ? 'naive' : 'baseline') };
  if (baseline.kind === 'dockerfile' || !plan) {
    const result = await buildImage({ ...baseRequest, file: resolve((baseline as { file: string }).file) });
    return { ...image, baseline: { ...result, kind: 'dockerfile', ratio: sizeRatio(result.size, image.size) } };
  }
  const naive = naiveDockerfile(plan);
  const dir = mkdtempSync(join(tmpdir(), 'stagecraft-naive-'));
  try {
    const file = join(dir, 'Dockerfile.naive');
    writeFileSync(file, naive.text);
    const result = await buildImage({ ...baseRequest, file, context: resolve(project, plan.context), buildArgs: request.buildArgs, secrets: request.secrets });
    return { ...image, baseline: { ...result, dockerfile: `(derived: single stage on ${naive.image})`, kind: 'naive', naiveDockerfile: naive.text, ratio: sizeRatio(result.size, image.size) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
