/**
 * `stagecraft context` on the real engine (issue 5): the cache map's prediction against what
 * BuildKit actually rebuilds. A small multi-stage project is built once; then, for each edit, the
 * CLI predicts (from --changed or --git) which steps re-run, the project is rebuilt with
 * --progress=plain, and the steps that ran (not CACHED) must be exactly the predicted ones.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildImage, checkEngine, docker, imageFiles, missingBaseImages, parseBuildLog, skipRequested, stagecraft, tail } from './harness.js';

const skip = skipRequested();
const TAG = 'stagecraft-test/context-cache:latest';

// Every stage's output depends on the content of what it copies, so a re-run changes the files
// the next COPY --from takes (BuildKit keeps a COPY --from cached when they come out identical).
const DOCKERFILE = `FROM debian:bookworm-slim AS deps
WORKDIR /app
COPY manifest.txt ./
RUN cat manifest.txt > deps.out && echo installed >> deps.out

FROM deps AS build
COPY src/ ./src/
RUN cat src/*.txt deps.out > build.out

FROM debian:bookworm-slim AS assets
WORKDIR /assets
COPY assets/ ./
RUN cat *.txt > bundle.out

FROM debian:bookworm-slim
WORKDIR /srv
COPY --from=deps /app/deps.out ./
COPY --from=build /app/build.out ./
COPY --from=assets /assets/bundle.out ./
COPY config.txt ./
CMD ["cat", "build.out"]
`;

const FILES: Record<string, string> = {
  Dockerfile: DOCKERFILE,
  '.dockerignore': 'notes\n**/*.log\n',
  'manifest.txt': `left-pad@1 ${process.pid}-${Date.now()}\n`,
  'src/a.txt': 'a\n',
  'src/b.txt': 'b\n',
  'assets/logo.txt': 'logo\n',
  'config.txt': 'port=8080\n',
  'notes/todo.md': 'todo\n',
  'debug.log': 'log\n',
};

interface Rebuild {
  stage: string;
  built: boolean;
  line: number | null;
  stepLines: number[];
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('stagecraft context: the cache map agrees with BuildKit', { skip: skip ? 'STAGECRAFT_E2E_SKIP=1' : false }, () => {
  let dir = '';
  const lines = DOCKERFILE.split('\n');

  // A nonce in every edit: BuildKit's cache is content-addressed, so an edit repeated by an
  // earlier run of this suite on the same engine would come back CACHED.
  const nonce = `${process.pid}-${Date.now()}`;
  const edit = (path: string, text: string): void => {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, `${readFileSync(abs, 'utf8')}${text.trimEnd()} ${nonce}\n`);
  };

  const predict = async (args: string[]): Promise<{ steps: Set<string>; rebuild: Rebuild[] }> => {
    const r = await stagecraft(['context', dir, '--json', ...args]);
    assert.equal(r.code, 0, r.stderr);
    const rebuild = (JSON.parse(r.stdout) as { rebuild: Rebuild[] }).rebuild;
    const steps = new Set<string>();
    for (const s of rebuild) if (s.built) for (const l of s.stepLines) steps.add(`${s.stage} ${norm(lines[l - 1]!)}`);
    return { steps, rebuild };
  };

  const rebuildAndCompare = async (name: string, predicted: Set<string>): Promise<void> => {
    const b = await buildImage({ tag: TAG, dockerfile: join(dir, 'Dockerfile'), context: dir, logName: `context-${name}` });
    assert.equal(b.code, 0, `build failed (log: ${b.logFile}):\n${tail(b.output, 30)}`);
    const ran = new Set(
      parseBuildLog(b.output)
        .filter((s) => s.done && !s.cached && !/^FROM\b/i.test(s.instruction))
        .map((s) => `${s.stage} ${norm(s.instruction)}`),
    );
    assert.deepEqual([...ran].sort(), [...predicted].sort(), `steps that ran vs predicted (log: ${b.logFile})`);
  };

  before(async () => {
    const engine = await checkEngine();
    assert.ok(engine.ok, engine.problem);
    dir = mkdtempSync(join(tmpdir(), 'stagecraft-e2e-context-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    assert.deepEqual(await missingBaseImages(DOCKERFILE), [], 'the stand-in base images are missing: run `bash scripts/engine.sh bases`');
    const git = (...args: string[]) => spawnSync('git', ['-C', dir, '-c', 'user.email=e2e@stagecraft', '-c', 'user.name=e2e', ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'project');
    // The first build fills the cache; every case below starts from the previous one's result.
    const first = await buildImage({ tag: TAG, dockerfile: join(dir, 'Dockerfile'), context: dir, logName: 'context-first' });
    assert.equal(first.code, 0, `first build failed (log: ${first.logFile}):\n${tail(first.output, 30)}`);
  });

  after(async () => {
    await docker(['rmi', '-f', TAG]);
    if (dir && process.env.STAGECRAFT_E2E_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  });

  it('nothing changed (--git on a clean tree): nothing predicted, nothing runs', async () => {
    const { steps } = await predict(['--git']);
    assert.equal(steps.size, 0);
    await rebuildAndCompare('unchanged', steps);
  });

  it('a source edit (found with --git): build re-runs from COPY src/, the final stage from COPY --from=build', async () => {
    edit('src/a.txt', 'a2\n');
    const { steps, rebuild } = await predict(['--git']);
    const by = Object.fromEntries(rebuild.map((r) => [r.stage, r.line]));
    assert.equal(by.deps, null);
    assert.equal(by.assets, null);
    assert.equal(by.build, 7);
    assert.equal(by['stage-3'], 18);
    await rebuildAndCompare('source-edit', steps);
    spawnSync('git', ['-C', dir, '-c', 'user.email=e2e@stagecraft', '-c', 'user.name=e2e', 'commit', '-qam', 'edit'], { encoding: 'utf8' });
  });

  it('an edit the .dockerignore excludes rebuilds nothing', async () => {
    edit('notes/todo.md', 'more\n');
    edit('debug.log', 'more\n');
    const { steps } = await predict(['--changed', 'notes/todo.md', 'debug.log']);
    assert.equal(steps.size, 0);
    await rebuildAndCompare('ignored-edit', steps);
  });

  it('a manifest edit re-runs the install, the stage built FROM it, and the final stage from COPY --from=deps', async () => {
    edit('manifest.txt', 'is-odd@3\n');
    const { steps, rebuild } = await predict(['--changed', 'manifest.txt']);
    const by = Object.fromEntries(rebuild.map((r) => [r.stage, r.line]));
    assert.equal(by.deps, 3);
    assert.equal(by.build, 6);
    assert.equal(by['stage-3'], 17);
    await rebuildAndCompare('manifest-edit', steps);
  });

  it('an asset edit re-runs only the assets stage and the final stage from its COPY --from=assets', async () => {
    edit('assets/logo.txt', 'logo2\n');
    const { steps } = await predict(['--changed', 'assets/logo.txt']);
    await rebuildAndCompare('asset-edit', steps);
  });

  it('a config edit re-runs only the last COPY of the final stage', async () => {
    edit('config.txt', 'debug=1\n');
    const { steps } = await predict(['--changed', 'config.txt']);
    assert.deepEqual([...steps], ['stage-3 COPY config.txt ./']);
    await rebuildAndCompare('config-edit', steps);
  });
});

// Where secrets end up: the report's image paths per stage against the files of the built images.
const REACH_DOCKERFILE = `FROM debian:bookworm-slim AS src
WORKDIR /src
COPY . .

FROM debian:bookworm-slim AS leaky
COPY --from=src /src /opt/app

FROM debian:bookworm-slim
COPY --from=leaky /opt/app/bin /opt/bin
COPY --from=src /src/deploy /deploy
`;

describe('stagecraft context: secrets followed through COPY --from, checked in the built images', { skip: skip ? 'STAGECRAFT_E2E_SKIP=1' : false }, () => {
  let dir = '';
  const tags = { final: 'stagecraft-test/context-reach-final:latest', leaky: 'stagecraft-test/context-reach-leaky:latest' };

  before(async () => {
    const engine = await checkEngine();
    assert.ok(engine.ok, engine.problem);
    dir = mkdtempSync(join(tmpdir(), 'stagecraft-e2e-context-reach-'));
    const files: Record<string, string> = {
      Dockerfile: REACH_DOCKERFILE,
      '.env': 'API_TOKEN=stagecraft-e2e-fake\n',
      'bin/run.sh': 'echo run\n',
      'deploy/id_rsa': '-----BEGIN RSA PRIVATE KEY-----\nstagecraft-e2e-fake\n-----END RSA PRIVATE KEY-----\n',
      'deploy/readme.txt': 'deploy notes\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    for (const [target, tag] of [['leaky', tags.leaky], ['', tags.final]] as const) {
      const r = await docker(['build', '--progress=plain', ...(target ? ['--target', target] : []), '-t', tag, dir], { timeoutMs: 10 * 60_000 });
      assert.equal(r.code, 0, tail(r.output, 30));
    }
  });

  after(async () => {
    for (const t of Object.values(tags)) await docker(['rmi', '-f', t]);
    if (dir && process.env.STAGECRAFT_E2E_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  });

  it('predicts exactly the secret paths each image holds', async () => {
    const r = await stagecraft(['context', dir, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { stages: { stage: string; secrets: { path: string; imagePath: string }[] }[]; finalImage: { secrets: string[] } };
    const predicted = (stage: string): string[] => report.stages.find((s) => s.stage === stage)!.secrets.map((x) => x.imagePath).sort();
    assert.deepEqual(report.finalImage.secrets, ['deploy/id_rsa']);
    const secretPaths = ['/src/.env', '/src/deploy/id_rsa', '/opt/app/.env', '/opt/app/deploy/id_rsa', '/deploy/id_rsa', '/opt/bin/.env'];
    for (const [stage, tag] of [['leaky', tags.leaky], ['stage-2', tags.final]] as const) {
      const present = new Set((await imageFiles(tag)).paths);
      const actual = secretPaths.filter((p) => present.has(p)).sort();
      assert.deepEqual(predicted(stage), actual, `${stage}: predicted secret paths vs the image's files`);
    }
  });
});
