/**
 * The real-engine harness: an engine check that fails loudly, the built CLI, BuildKit builds with
 * their plain logs kept, containers on free loopback ports, HTTP polling, the UID of a container's
 * process read on the host, and cleanup of everything the suite created.
 *
 * Environment: DOCKER_HOST (the engine; `.ci/run` starts one, `scripts/engine.sh up` too),
 * STAGECRAFT_DOCKER (the client; default /usr/bin/docker, which builds without buildx),
 * STAGECRAFT_E2E_SKIP=1 (skip when no engine answers; ignored in CI), STAGECRAFT_E2E_ONLY=a,b (only
 * these fixtures), STAGECRAFT_E2E_KEEP=1 (keep work trees). Build logs: test-artifacts/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseImages } from './support/buildlog.js';
import { docker, dockerBinary, dockerOk, exec, tail, type ExecResult } from './support/exec.js';

export { docker, dockerBinary, dockerOk, exec, tail } from './support/exec.js';
export { imageFiles } from './support/image-files.js';
export { loadFixtures, type Fixture, type FixtureManifest } from './support/fixtures.js';
export * from './support/buildlog.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = join(repoRoot, 'test/fixtures/apps');
/** Build logs and summaries land here (gitignored), so a CI failure leaves something to read. */
export const artifactsDir = join(repoRoot, 'test-artifacts/e2e');

/** Prefix of every image tag the e2e suites create; cleanup removes only these. */
export const imagePrefix = 'stagecraft-test/e2e-';

// ---------------------------------------------------------------- the engine

export interface EngineStatus {
  ok: boolean;
  serverVersion?: string;
  /** Why the engine is unusable, with what to do about it. */
  problem?: string;
}

/** Asks the engine for its version; a client that cannot reach one yields a clear problem line. */
export async function checkEngine(): Promise<EngineStatus> {
  let r: ExecResult;
  try {
    r = await docker(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 20_000 });
  } catch (err) {
    return { ok: false, problem: `cannot run the docker client ${dockerBinary}: ${(err as Error).message}` };
  }
  const version = r.stdout.trim();
  if (r.code !== 0 || !version) {
    return {
      ok: false,
      problem:
        `no Docker engine answers ${dockerBinary} (DOCKER_HOST=${process.env.DOCKER_HOST ?? 'unset'}): ${tail(r.output, 3)}\n` +
        'start one with `bash scripts/engine.sh up` and export the DOCKER_HOST it prints (`.ci/run` does all of it), ' +
        'or set STAGECRAFT_E2E_SKIP=1 to skip the real-engine suite outside CI',
    };
  }
  return { ok: true, serverVersion: version };
}

/**
 * Skipping is an explicit choice, never a silent fallback: STAGECRAFT_E2E_SKIP=1 outside CI.
 * In CI (CI set) the suite always runs and a missing engine fails it.
 */
export function skipRequested(): boolean {
  return process.env.STAGECRAFT_E2E_SKIP === '1' && !process.env.CI;
}

/** The base images a Dockerfile needs that the engine does not have (there is no registry to pull from). */
export async function missingBaseImages(dockerfile: string): Promise<string[]> {
  const missing: string[] = [];
  for (const ref of baseImages(dockerfile)) {
    if ((await docker(['image', 'inspect', '--format', '{{.Id}}', ref])).code !== 0) missing.push(ref);
  }
  return missing;
}

// ---------------------------------------------------------------- the CLI

export const cliPath = join(repoRoot, 'bin/stagecraft.js');

/** Runs the built CLI (`node bin/stagecraft.js ...`) with colours off. */
export function stagecraft(args: string[], cwd = repoRoot): Promise<ExecResult> {
  if (!existsSync(join(repoRoot, 'dist/cli/main.js'))) {
    throw new Error('the CLI is not built (dist/cli/main.js missing): run `npm run build` (npm ci does it through prepare)');
  }
  return exec(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 60_000 });
}

// ---------------------------------------------------------------- a working tree with the junk real trees have

/** A fake secret: it must appear nowhere in any image, under any file name. */
export const fakeSecret = 'stagecraft-e2e-FAKE-SECRET-9f3b1c7d';
/** Marks the stray files planted in node_modules/ and .venv/, so that their copies can be found. */
export const strayMarker = 'stagecraft-e2e-stray';

const pythonManifests = ['requirements.txt', 'pyproject.toml', 'Pipfile', 'setup.py', 'uv.lock', 'poetry.lock'];

export interface WorkTree {
  /** The temp copy of the fixture. */
  root: string;
  /** The folder `init` runs on (root + manifest.project). */
  project: string;
  /** Absolute paths of the planted junk, for messages. */
  planted: string[];
}

/**
 * Copies a fixture to a temp folder and plants what a developer's checkout has but an image must
 * not: .env files with a secret, a git repository, a stray node_modules (and .venv for Python), a debug log.
 * The junk goes into the fixture root (the build context of a workspace) and the project folder.
 */
export function prepareWorkTree(fixtureDir: string, project: string, name: string): WorkTree {
  const root = mkdtempSync(join(tmpdir(), `stagecraft-e2e-${name}-`));
  // Leftovers of someone running the fixture by hand (node_modules, .git) stay behind: the copy is what a clone has.
  cpSync(fixtureDir, root, { recursive: true, filter: (src) => src === fixtureDir || !/\/(node_modules|\.git)$/.test(src) });
  const projectDir = resolve(root, project);
  const planted: string[] = [];
  const plant = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    planted.push(path);
  };
  for (const dir of new Set([root, projectDir])) {
    plant(join(dir, '.env'), `API_TOKEN=${fakeSecret}\nDATABASE_URL=postgres://app:${fakeSecret}@db/app\n`);
    plant(join(dir, '.env.local'), `SESSION_SECRET=${fakeSecret}\n`);
    plant(join(dir, 'npm-debug.log'), `0 verbose cli ${strayMarker} npm-debug.log\n`);
    plant(join(dir, 'node_modules', strayMarker, 'package.json'), JSON.stringify({ name: strayMarker, version: '0.0.0' }));
    plant(join(dir, 'node_modules', strayMarker, 'index.js'), `module.exports = '${strayMarker}';\n`);
    // A virtualenv is Python junk: the .dockerignore excludes it for the Python stack (issue 2 lists .venv
    // among "the stack's build outputs and caches"), so it is planted only where Python manifests are.
    if (pythonManifests.some((f) => existsSync(join(projectDir, f)))) plant(join(dir, '.venv', strayMarker, 'pyvenv.cfg'), `home = /usr/bin # ${strayMarker}\n`);
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=e2e@stagecraft.invalid', '-c', 'user.name=stagecraft e2e', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'fixture');
  planted.push(join(root, '.git'));
  return { root, project: projectDir, planted };
}

/** Appends a comment line to a source file (comment syntax by extension), changing nothing else. */
export function appendSourceComment(file: string): void {
  const hash = /\.(py|rb|sh|toml|ya?ml|txt)$/.test(file) ? '#' : '//';
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `${text}${text.endsWith('\n') ? '' : '\n'}${hash} stagecraft e2e: a source-only change ${Date.now()}\n`);
}

// ---------------------------------------------------------------- builds and containers

export interface BuildResult extends ExecResult {
  logFile: string;
}

/** `DOCKER_BUILDKIT=1 docker build --progress=plain`; the log is written to test-artifacts/e2e/<logName>.log. */
export async function buildImage(opts: { tag: string; dockerfile: string; context: string; logName: string; timeoutMs?: number }): Promise<BuildResult> {
  const r = await docker(['build', '--progress=plain', '-t', opts.tag, '-f', opts.dockerfile, opts.context], { timeoutMs: opts.timeoutMs ?? 15 * 60_000 });
  mkdirSync(artifactsDir, { recursive: true });
  const logFile = join(artifactsDir, `${opts.logName}.log`);
  writeFileSync(logFile, `$ ${dockerBinary} build --progress=plain -t ${opts.tag} -f ${opts.dockerfile} ${opts.context}\n${r.output}\n# exit ${r.code}${r.timedOut ? ' (timed out)' : ''} after ${r.ms} ms\n`);
  return { ...r, logFile };
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a container detached with the container port published on a loopback port; returns its id. */
export async function startContainer(image: string, name: string, containerPort: number, hostPort: number): Promise<string> {
  const r = await dockerOk(['run', '-d', '--name', name, '-p', `127.0.0.1:${hostPort}:${containerPort}`, image]);
  return r.stdout.trim();
}

export interface HttpAnswer {
  status: number;
  body: string;
  ms: number;
}

/**
 * Polls GET url until it answers with a 2xx or the deadline passes; stops early when the container
 * has exited (its logs are then the story). Throws with the last error and the container's logs.
 */
export async function waitForHttp(url: string, container: string, timeoutMs = 30_000): Promise<HttpAnswer> {
  const started = Date.now();
  let last = 'no attempt';
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await httpGet(url, 3_000);
      if (res.status >= 200 && res.status < 300) return { ...res, ms: Date.now() - started };
      last = `HTTP ${res.status}: ${res.body.slice(0, 200)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    const state = await docker(['inspect', '-f', '{{.State.Status}} {{.State.ExitCode}}', container]);
    if (state.code === 0 && !state.stdout.startsWith('running')) {
      throw new Error(`the container stopped (${state.stdout.trim()}) before ${url} answered:\n${await containerLogs(container)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`GET ${url} did not answer within ${timeoutMs} ms (last: ${last}); container logs:\n${await containerLogs(container)}`);
}

/**
 * One GET over node:http, a fresh connection each time. (Not fetch: its sockets and timeout timer are
 * unref'd, and against docker-proxy before the app listens a pending fetch can leave the event loop
 * empty, which ends the test file with "Promise resolution is still pending".)
 */
export function httpGet(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolveGet, reject) => {
    const req = request(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => { body += d; });
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

export async function containerLogs(container: string): Promise<string> {
  const r = await docker(['logs', '--tail', '40', container]);
  return tail(r.output || '(no output)', 40);
}

/**
 * The real and effective UID of a container's main process, read on the host from
 * /proc/<pid>/status (nothing runs inside, so it works on shell-less distroless images).
 */
export async function containerProcessUids(container: string): Promise<{ pid: number; real: number; effective: number }> {
  const pid = Number((await dockerOk(['inspect', '-f', '{{.State.Pid}}', container])).stdout.trim());
  if (!pid) throw new Error(`container ${container} has no running process`);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^Uid:\s+(\d+)\s+(\d+)/m.exec(status);
  if (!m) throw new Error(`/proc/${pid}/status has no Uid line`);
  return { pid, real: Number(m[1]), effective: Number(m[2]) };
}

// ---------------------------------------------------------------- cleanup

/** Containers and images a suite created, removed in its after hooks (never anything else). */
export class Created {
  readonly containers = new Set<string>();
  readonly images = new Set<string>();
  readonly dirs = new Set<string>();

  image(tag: string): string {
    if (!tag.startsWith(imagePrefix)) throw new Error(`e2e image tags start with ${imagePrefix}: ${tag}`);
    this.images.add(tag);
    return tag;
  }

  async cleanup(keepDirs = process.env.STAGECRAFT_E2E_KEEP === '1'): Promise<void> {
    for (const c of this.containers) await docker(['rm', '-f', c]);
    this.containers.clear();
    for (const i of this.images) await docker(['rmi', '-f', i]);
    this.images.clear();
    if (!keepDirs) for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
    this.dirs.clear();
  }
}
