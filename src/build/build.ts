import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { Dockerfile } from '../dockerfile/model.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { finalStage, rootImageStage } from '../dockerfile/stages.js';
import { isScratch } from '../dockerfile/image.js';
import { buildClient, imageExists, imageHistory, imageInspect, requireEngine, runDocker, type DockerClient } from '../engine/docker.js';
import { ExitCode, UserError } from '../util/errors.js';
import { type FailurePoint, instructionForLabel, locateFailure } from './failure.js';
import { type Layer, mapLayers } from './layers.js';
import { ProgressParser, type StepLabel, countedSteps } from './progress.js';
import { type ProgressView, silentView } from './view.js';

/** What `stagecraft build` passes through to BuildKit; it never builds anything itself. */
export interface BuildRequest {
  /** The build context folder. */
  context: string;
  /** The Dockerfile, resolved like `docker build -f` (relative to the current folder); default `<context>/Dockerfile`. */
  file?: string;
  target?: string;
  platform?: string;
  buildArgs?: string[];
  secrets?: string[];
  /** A buildx builder (remote, Kubernetes, docker-container): buildx only. */
  builder?: string;
  cacheFrom?: string[];
  cacheTo?: string[];
  /** Default: `defaultTag(context)`. */
  tag?: string;
  push?: boolean;
  noCache?: boolean;
  view?: ProgressView;
}

export interface BuildStep {
  stage?: string;
  index: number;
  total: number;
  instruction: string;
  cached: boolean;
  /** BuildKit's own timing of the step (0 when cached). */
  seconds: number;
  line?: number;
}

/** The machine-readable outcome of one build (`build --json`). */
export interface BuildResult {
  image: string;
  imageId?: string;
  /** Uncompressed bytes, as `docker image inspect` counts them; null when the image was pushed but not loaded. */
  size: number | null;
  /** Dockerfile steps (FROM excluded) that BuildKit took from its cache. */
  cachedSteps: number;
  totalSteps: number;
  /** Wall-clock seconds of the build command. */
  seconds: number;
  layers: Layer[];
  steps: BuildStep[];
  dockerfile: string;
  context: string;
  /** The final stage's base image (after FROM <stage> chains), and its own size when the engine has it. */
  baseImage?: string;
  baseSize?: number;
  /** How the client built: `buildx` or `classic-buildkit` (DOCKER_BUILDKIT=1 docker build). */
  buildMode: string;
  pushed: boolean;
}

/** A build that BuildKit refused: carries the full log and where it broke. */
export class BuildFailedError extends UserError {
  constructor(
    readonly log: string,
    readonly point: FailurePoint,
    dockerfile: string,
  ) {
    super(
      `build failed${point.step ? ` at step [${point.step}] ${oneLine(point.instruction ?? '', 120)}` : point.instruction ? ` at ${oneLine(point.instruction, 120)}` : ''}: ${oneLine(shortReason(point.message), 300)}`,
      ExitCode.refused,
      dockerfile,
      point.line,
      point.output.length > 0 ? `the step's last output: ${point.output.slice(-3).join(' / ')}` : undefined,
    );
    this.name = 'BuildFailedError';
  }
}

/**
 * BuildKit repeats the whole command in its error ("executor failed running [/bin/sh -c ...]: exit
 * code: 3", buildx: "process \"/bin/sh -c ...\" did not complete successfully: exit code: 3"); the
 * step is already named, so the exit code is what is left to say.
 */
export function shortReason(message: string): string {
  const m = /^(?:executor failed running \[.*\]|process ".*" did not complete successfully): exit code: (\d+)$/s.exec(message.trim());
  return m ? `the command exited with code ${m[1]}` : message;
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** `stagecraft-local/<folder>:latest`: a repository no registry owns, so a default tag never pushes anywhere by accident. */
export function defaultTag(context: string): string {
  const name =
    basename(resolve(context))
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'app';
  return `stagecraft-local/${name}:latest`;
}

/** `repo:tag` → `repo-<suffix>:tag` (the baseline of a comparison sits next to the image). */
export function siblingTag(tag: string, suffix: string): string {
  const at = tag.lastIndexOf(':');
  const hasTag = at > tag.lastIndexOf('/');
  const repo = hasTag ? tag.slice(0, at) : tag;
  return `${repo}-${suffix}:${hasTag ? tag.slice(at + 1) : 'latest'}`;
}

export function resolveDockerfile(context: string, file?: string): string {
  if (!file) return join(context, 'Dockerfile');
  return isAbsolute(file) ? file : resolve(file);
}

/** The docker argv for a request (without the binary). Exported for tests. */
export function buildArgv(client: Pick<DockerClient, 'buildMode'>, req: BuildRequest & { tag: string }, dockerfile: string): string[] {
  const buildx = client.buildMode === 'buildx';
  if (req.builder && !buildx) {
    throw new UserError(
      '--builder needs docker buildx, and this docker client has no buildx component',
      ExitCode.usage,
      undefined,
      undefined,
      'install buildx (https://docs.docker.com/go/buildx/) or leave --builder out to build on the local engine',
    );
  }
  if (req.cacheTo?.length && !buildx) {
    throw new UserError(
      '--cache-to needs docker buildx; classic `docker build` can only export an inline cache',
      ExitCode.usage,
      undefined,
      undefined,
      'install buildx, or use --build-arg BUILDKIT_INLINE_CACHE=1 and --cache-from <image>',
    );
  }
  const args = buildx ? ['buildx', 'build'] : ['build'];
  args.push('--progress=plain', '-f', dockerfile, '-t', req.tag);
  if (req.builder) args.push('--builder', req.builder);
  if (req.target) args.push('--target', req.target);
  if (req.platform) args.push('--platform', req.platform);
  for (const a of req.buildArgs ?? []) args.push('--build-arg', a);
  for (const s of req.secrets ?? []) args.push('--secret', s);
  for (const c of req.cacheFrom ?? []) args.push('--cache-from', c);
  for (const c of req.cacheTo ?? []) args.push('--cache-to', c);
  if (req.noCache) args.push('--no-cache');
  // buildx with a non-docker driver keeps results in the builder unless told to load or push them.
  if (buildx) args.push(req.push ? '--push' : '--load');
  args.push(req.context);
  return args;
}

function readDockerfile(path: string): Dockerfile | undefined {
  try {
    return parseDockerfile(readFileSync(path, 'utf8'), path);
  } catch {
    return undefined; // BuildKit will say what is wrong with it
  }
}

/** The runtime base image name and how many history entries it contributes (0 for scratch or when the engine lacks it). */
async function runtimeBase(df: Dockerfile | undefined, target?: string): Promise<{ name?: string; entries: number; size?: number }> {
  const stage = df ? finalStage(df, target) : undefined;
  if (!df || !stage) return { entries: 0 };
  const root = rootImageStage(df, stage);
  const name = root.resolvedBase;
  if (isScratch(name)) return { name: 'scratch', entries: 0, size: 0 };
  if (root.baseUnresolved || !(await imageExists(name))) return { name, entries: 0 };
  const [history, inspect] = await Promise.all([imageHistory(name), imageInspect(name)]);
  return { name, entries: history.length, size: inspect.Size };
}

/** Builds an image with BuildKit through the docker CLI and reports size, layers, cache use and time. */
export async function buildImage(request: BuildRequest): Promise<BuildResult> {
  const context = resolve(request.context);
  if (!existsSync(context) || !statSync(context).isDirectory()) throw new UserError(`build context not found: ${context}`, ExitCode.usage);
  const dockerfile = resolveDockerfile(context, request.file);
  if (!existsSync(dockerfile)) {
    throw new UserError(`no Dockerfile at ${dockerfile}`, ExitCode.usage, undefined, undefined, 'run `stagecraft init` to write one, or name it with --file');
  }
  if (!statSync(dockerfile).isFile()) throw new UserError(`${dockerfile} is a folder, not a Dockerfile`, ExitCode.usage, undefined, undefined, 'pass --file with the Dockerfile itself');
  const df = readDockerfile(dockerfile);
  // A --target the file does not have: said now, with the stages, not after the engine refuses it.
  if (df && request.target !== undefined && !finalStage(df, request.target)) {
    const names = df.stages.map((s) => s.name).filter((n): n is string => !!n);
    throw new UserError(`no stage named ${request.target} in ${dockerfile}`, ExitCode.usage, undefined, undefined, names.length ? `stages: ${names.join(', ')}` : 'the file names no stage (FROM ... AS <name>)');
  }
  const client = await buildClient();
  await requireEngine();
  const tag = request.tag ?? defaultTag(context);
  const args = buildArgv(client, { ...request, tag }, dockerfile);
  const view = request.view ?? silentView;
  const parser = new ProgressParser();
  const feed = (chunk: string) => {
    for (const e of parser.push(chunk)) view.event(e, parser);
  };
  const started = Date.now();
  const res = await runDocker(args, {
    binary: client.binary,
    env: client.buildMode === 'classic-buildkit' ? { DOCKER_BUILDKIT: '1' } : {},
    onStdout: feed,
    onStderr: feed,
    allowFailure: true,
  });
  for (const e of parser.end()) view.event(e, parser);
  const seconds = (Date.now() - started) / 1000;
  view.finish(parser, res.code === 0);
  if (res.code !== 0) throw new BuildFailedError(parser.log, locateFailure(parser, df), dockerfile);

  let pushed = false;
  if (request.push && client.buildMode !== 'buildx') {
    await runDocker(['push', tag], { binary: client.binary });
    pushed = true;
  } else if (request.push) pushed = true;

  const steps: BuildStep[] = countedSteps(parser.steps).map((v) => ({
    stage: v.label!.stage,
    index: v.label!.index,
    total: v.label!.total,
    instruction: v.label!.instruction,
    cached: v.status === 'cached',
    seconds: v.seconds ?? 0,
    line: df ? locateStepLine(df, v.label!) : undefined,
  }));
  const local = await imageExists(tag);
  const base = await runtimeBase(df, request.target);
  let size: number | null = null;
  let imageId: string | undefined;
  let layers: Layer[] = [];
  if (local) {
    const [inspect, history] = await Promise.all([imageInspect(tag), imageHistory(tag)]);
    size = inspect.Size;
    imageId = inspect.Id;
    layers = mapLayers({ history, baseEntries: base.entries, baseName: base.name, dockerfile: df, target: request.target });
  }
  return {
    image: tag,
    imageId,
    size,
    cachedSteps: steps.filter((s) => s.cached).length,
    totalSteps: steps.length,
    seconds: Math.round(seconds * 100) / 100,
    layers,
    steps,
    dockerfile,
    context,
    baseImage: base.name,
    baseSize: base.size,
    buildMode: client.buildMode!,
    pushed,
  };
}

function locateStepLine(df: Dockerfile, label: StepLabel): number | undefined {
  return instructionForLabel(df, label)?.line;
}
