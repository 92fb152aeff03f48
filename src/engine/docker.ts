import { spawn, type SpawnOptions } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { ExitCode, UserError } from '../util/errors.js';

/**
 * Talking to Docker through the docker CLI only (never the engine API): the CLI is what users
 * have configured (contexts, DOCKER_HOST, buildx builders), and BuildKit is driven through it.
 */

/** How a client builds with BuildKit: `docker buildx build`, or `DOCKER_BUILDKIT=1 docker build`. */
export type BuildMode = 'buildx' | 'classic-buildkit';

export interface DockerClient {
  /** Absolute path (or the name given in STAGECRAFT_DOCKER) of the docker binary. */
  binary: string;
  /** How this client builds with BuildKit; undefined when it cannot (it can still run, save, inspect). */
  buildMode?: BuildMode;
  /** `docker version`'s client version, when it reported one. */
  clientVersion?: string;
  /** Why this client cannot build, when `buildMode` is undefined. */
  cannotBuild?: string;
}

// ---------------------------------------------------------------- errors

/** The docker CLI is not installed (or STAGECRAFT_DOCKER names something that does not run). */
export class DockerNotFoundError extends UserError {
  constructor(message: string) {
    super(message, ExitCode.usage, undefined, undefined, 'install Docker (https://docs.docker.com/get-docker/) or set STAGECRAFT_DOCKER to the docker binary');
    this.name = 'DockerNotFoundError';
  }
}

/** A docker client exists but no engine answers it. */
export class EngineUnavailableError extends UserError {
  constructor(detail: string) {
    super(
      `no Docker engine answers${detail ? `: ${detail}` : ''}`,
      ExitCode.usage,
      undefined,
      undefined,
      `start Docker, or point DOCKER_HOST at a running engine (now ${process.env.DOCKER_HOST ? `DOCKER_HOST=${process.env.DOCKER_HOST}` : 'DOCKER_HOST is unset, so the default socket is used'})`,
    );
    this.name = 'EngineUnavailableError';
  }
}

/** No client found can build with BuildKit (e.g. Docker 23+ without the buildx component). */
export class NoBuildKitError extends UserError {
  constructor(readonly tried: DockerClient[]) {
    super(
      `no docker client here can build with BuildKit (${tried.length === 0 ? 'none found' : tried.map((c) => `${c.binary}: ${c.cannotBuild ?? 'unusable'}`).join('; ')})`,
      ExitCode.usage,
      undefined,
      undefined,
      'install the buildx component (https://docs.docker.com/go/buildx/), or set STAGECRAFT_DOCKER to a client that builds with DOCKER_BUILDKIT=1 (Docker 18.09 to 22)',
    );
    this.name = 'NoBuildKitError';
  }
}

/** A docker command exited non-zero. */
export class DockerCommandError extends UserError {
  constructor(
    readonly args: string[],
    readonly code: number,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(`docker ${args.slice(0, 3).join(' ')}${args.length > 3 ? ' ...' : ''} failed (exit ${code}): ${lastLines(stderr || stdout, 3) || 'no output'}`, ExitCode.usage);
    this.name = 'DockerCommandError';
  }
}

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join(' / ');
}

const engineDownPatterns = [/Cannot connect to the Docker daemon/i, /Is the docker daemon running/i, /error during connect/i, /connect: no such file or directory/i, /connect: connection refused/i];

/** True when docker's output says that no engine answers (rather than that the command failed). */
export function saysEngineDown(output: string): boolean {
  return engineDownPatterns.some((p) => p.test(output));
}

const buildxMissingPattern = /BuildKit is enabled but the buildx component is missing/i;

export function saysBuildxMissing(output: string): boolean {
  return buildxMissingPattern.test(output);
}

// ---------------------------------------------------------------- running

export interface RunOptions {
  /** Extra environment (merged over process.env). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to stdin, then closed. */
  input?: string;
  /** Streamed output, as it arrives (also captured). */
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** Resolve with the exit code instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
  /** The binary to run; default: the located client. */
  binary?: string;
  /** Kill after this many ms. */
  timeoutMs?: number;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns a program and captures its output. Rejects only when it cannot be started. */
export function spawnCapture(binary: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const spawnOpts: SpawnOptions = { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] };
    const child = spawn(binary, args, spawnOpts);
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    if (opts.timeoutMs) timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      opts.onStdout?.(c);
    });
    child.stderr!.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      opts.onStderr?.(c);
    });
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(opts.input ?? '');
  });
}

/**
 * Runs `docker <args>` with the located client. Throws EngineUnavailableError when no engine
 * answers, DockerCommandError on another non-zero exit (unless allowFailure).
 */
export async function runDocker(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const binary = opts.binary ?? (await locateDocker()).binary;
  let res: RunResult;
  try {
    res = await spawnCapture(binary, args, opts);
  } catch (err) {
    throw new DockerNotFoundError(`cannot run ${binary}: ${(err as Error).message}`);
  }
  if (res.code !== 0) {
    if (saysEngineDown(res.stderr)) throw new EngineUnavailableError(lastLines(res.stderr, 1));
    if (!opts.allowFailure) throw new DockerCommandError(args, res.code, res.stdout, res.stderr);
  }
  return res;
}

// ---------------------------------------------------------------- locating a client

/** Where Debian's docker.io client lives: probed even when it is not on PATH (or hidden behind a newer client). */
export const fallbackClients = ['/usr/bin/docker'];

/** Every `docker` on PATH, then the fallbacks; duplicates (same real file) removed. */
export function dockerCandidates(env: NodeJS.ProcessEnv = process.env, fallbacks: string[] = fallbackClients): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
    } catch {
      return;
    }
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      /* keep the path */
    }
    if (seen.has(real)) return;
    seen.add(real);
    found.push(path);
  };
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir) add(join(dir, 'docker'));
  for (const f of fallbacks) add(f);
  return found;
}

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a > major || (a === major && b >= minor);
}

/** Probes one client: buildx, or a BuildKit-capable classic `docker build`. */
export async function probeClient(binary: string, env: NodeJS.ProcessEnv = process.env): Promise<DockerClient | undefined> {
  const run = (args: string[], extra?: NodeJS.ProcessEnv) => spawnCapture(binary, args, { env: { ...env, ...extra }, timeoutMs: 15000 }).catch(() => undefined);
  const buildx = await run(['buildx', 'version']);
  if (buildx === undefined) return undefined; // cannot be started at all
  const version = await run(['version', '--format', '{{.Client.Version}}']);
  const clientVersion = version?.stdout.trim().split('\n')[0] || undefined;
  if (buildx.code === 0) return { binary, buildMode: 'buildx', clientVersion };
  if (!clientVersion || !versionAtLeast(clientVersion, 18, 9)) {
    return { binary, clientVersion, cannotBuild: clientVersion ? `client ${clientVersion} is older than 18.09 (no BuildKit)` : 'does not report a client version' };
  }
  // Docker 23+ routes DOCKER_BUILDKIT=1 builds to buildx and refuses when it is missing; `build --help` shows that cheaply.
  const help = await run(['build', '--help'], { DOCKER_BUILDKIT: '1' });
  const helpText = `${help?.stdout ?? ''}${help?.stderr ?? ''}`;
  if (saysBuildxMissing(helpText)) return { binary, clientVersion, cannotBuild: `client ${clientVersion}: BuildKit is enabled but the buildx component is missing` };
  return { binary, buildMode: 'classic-buildkit', clientVersion };
}

export interface LocateResult {
  /** The client to build with, when one can. */
  build?: DockerClient;
  /** Every client probed (for messages). */
  clients: DockerClient[];
  /** The client for everything else (inspect, save, history, run). */
  binary: string;
}

const cache = new Map<string, Promise<LocateResult>>();

/**
 * Finds a docker client. STAGECRAFT_DOCKER names the binary outright; otherwise every `docker`
 * on PATH and /usr/bin/docker are probed, a buildx client preferred, then a classic client that
 * builds with DOCKER_BUILDKIT=1. Memoised per PATH/STAGECRAFT_DOCKER.
 */
export function locateDocker(env: NodeJS.ProcessEnv = process.env, fallbacks: string[] = fallbackClients): Promise<LocateResult> {
  const key = `${env.STAGECRAFT_DOCKER ?? ''}\0${env.PATH ?? ''}\0${fallbacks.join(':')}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = locateUncached(env, fallbacks);
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

/** Forgets located clients (tests). */
export function resetDockerCache(): void {
  cache.clear();
}

async function locateUncached(env: NodeJS.ProcessEnv, fallbacks: string[]): Promise<LocateResult> {
  const named = env.STAGECRAFT_DOCKER;
  let candidates: string[];
  if (named) {
    candidates = [named.includes('/') && !isAbsolute(named) ? join(process.cwd(), named) : named];
  } else {
    candidates = dockerCandidates(env, fallbacks);
    if (candidates.length === 0) throw new DockerNotFoundError(`no docker client found on PATH${fallbacks.length ? ` or at ${fallbacks.join(', ')}` : ''}`);
  }
  const clients: DockerClient[] = [];
  for (const binary of candidates) {
    const client = await probeClient(binary, env);
    if (client) clients.push(client);
  }
  if (clients.length === 0) {
    throw new DockerNotFoundError(named ? `STAGECRAFT_DOCKER=${named} cannot be run` : `none of ${candidates.join(', ')} can be run`);
  }
  const build = clients.find((c) => c.buildMode === 'buildx') ?? clients.find((c) => c.buildMode === 'classic-buildkit');
  return { build, clients, binary: (build ?? clients[0]!).binary };
}

/** The client to build with; NoBuildKitError when none can. */
export async function buildClient(env: NodeJS.ProcessEnv = process.env, fallbacks: string[] = fallbackClients): Promise<DockerClient> {
  const located = await locateDocker(env, fallbacks);
  if (!located.build) throw new NoBuildKitError(located.clients);
  return located.build;
}

// ---------------------------------------------------------------- engine queries

export type EngineStatus = { ok: true; serverVersion: string; binary: string } | { ok: false; message: string; error: UserError };

/** Whether an engine answers, with a clear message when none does. Never throws. */
export async function engineAvailable(): Promise<EngineStatus> {
  try {
    const located = await locateDocker();
    const res = await runDocker(['version', '--format', '{{.Server.Version}}'], { allowFailure: true, binary: located.binary, timeoutMs: 20000 });
    const serverVersion = res.stdout.trim();
    if (res.code === 0 && serverVersion) return { ok: true, serverVersion, binary: located.binary };
    const error = new EngineUnavailableError(lastLines(res.stderr, 1));
    return { ok: false, message: error.message, error };
  } catch (err) {
    const error = err instanceof UserError ? err : new EngineUnavailableError((err as Error).message);
    return { ok: false, message: error.message, error };
  }
}

/** Throws the engine's UserError (exit 2, DOCKER_HOST hint) when no engine answers. */
export async function requireEngine(): Promise<string> {
  const status = await engineAvailable();
  if (!status.ok) throw status.error;
  return status.serverVersion;
}

/** What `docker image inspect` says about an image (the fields stagecraft reads). */
export interface ImageInspect {
  Id: string;
  RepoTags: string[] | null;
  /** Uncompressed size in bytes, as `docker images` counts it. */
  Size: number;
  Created?: string;
  Architecture?: string;
  Os?: string;
  Config?: {
    User?: string;
    Env?: string[] | null;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    WorkingDir?: string;
    ExposedPorts?: Record<string, unknown> | null;
    Labels?: Record<string, string> | null;
    Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; Retries?: number } | null;
  };
  RootFS?: { Type: string; Layers?: string[] };
  [key: string]: unknown;
}

export class NoSuchImageError extends UserError {
  constructor(readonly image: string) {
    super(`no such image: ${image}`, ExitCode.usage, undefined, undefined, 'build or pull it first (`docker images` lists what the engine has)');
    this.name = 'NoSuchImageError';
  }
}

function mapNoSuchImage(err: unknown, name: string): never {
  if (err instanceof DockerCommandError && /no such (image|object)|not found|reference does not exist/i.test(err.stderr)) throw new NoSuchImageError(name);
  throw err;
}

export async function imageInspect(name: string): Promise<ImageInspect> {
  const res = await runDocker(['image', 'inspect', '--format', '{{json .}}', name]).catch((err) => mapNoSuchImage(err, name));
  return JSON.parse(res.stdout.trim().split('\n')[0]!) as ImageInspect;
}

/** True when the engine has the image locally. */
export async function imageExists(name: string): Promise<boolean> {
  const res = await runDocker(['image', 'inspect', '--format', '{{.Id}}', name], { allowFailure: true });
  return res.code === 0;
}

/** One `docker image history` entry, newest first as docker prints them. */
export interface HistoryEntry {
  /** Image id for entries that are images of their own, otherwise undefined (`<missing>`). */
  id?: string;
  createdBy: string;
  /** Bytes this layer adds (0 for metadata-only steps). */
  size: number;
  createdAt: string;
  comment: string;
}

export function parseHistoryLines(stdout: string): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as Record<string, string>;
    out.push({
      id: raw.ID && raw.ID !== '<missing>' ? raw.ID : undefined,
      createdBy: raw.CreatedBy ?? '',
      size: Number(raw.Size ?? 0) || 0,
      createdAt: raw.CreatedAt ?? '',
      comment: raw.Comment ?? '',
    });
  }
  return out;
}

/** The image's history, newest first (docker's order), sizes in bytes, commands untruncated. */
export async function imageHistory(name: string): Promise<HistoryEntry[]> {
  const res = await runDocker(['image', 'history', '--no-trunc', '--human=false', '--format', '{{json .}}', name]).catch((err) => mapNoSuchImage(err, name));
  return parseHistoryLines(res.stdout);
}

/** `docker save -o tarPath name`: the archive the image reader works on. */
export async function saveImage(name: string, tarPath: string): Promise<void> {
  await runDocker(['save', '-o', tarPath, name]).catch((err) => mapNoSuchImage(err, name));
}

/** Removes an image stagecraft created (never call it on images the user made). */
export async function removeImage(name: string): Promise<void> {
  await runDocker(['image', 'rm', '--force', name], { allowFailure: true });
}
