import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildFailedError, buildArgv, buildImage, defaultTag, shortReason, siblingTag } from '../../../src/build/build.js';
import { sizeRatio } from '../../../src/build/compare.js';
import { resetDockerCache } from '../../../src/engine/index.js';
import { UserError } from '../../../src/util/errors.js';
import { writeFakeDocker } from '../engine/fake-docker.js';

const logs = join(import.meta.dirname, 'logs');
const read = (name: string) => readFileSync(join(logs, name), 'utf8');

describe('defaultTag and siblingTag', () => {
  it('derives a local tag from the folder name', () => {
    assert.equal(defaultTag('/work/My App_1'), 'stagecraft-local/my-app_1:latest');
    assert.equal(defaultTag('/'), 'stagecraft-local/app:latest');
  });
  it('puts the baseline next to the image', () => {
    assert.equal(siblingTag('stagecraft-local/app:latest', 'naive'), 'stagecraft-local/app-naive:latest');
    assert.equal(siblingTag('localhost:5000/team/app', 'baseline'), 'localhost:5000/team/app-baseline:latest');
    assert.equal(siblingTag('app:1.2', 'naive'), 'app-naive:1.2');
  });
  it('ratio is baseline over image', () => {
    assert.equal(sizeRatio(800, 100), 8);
    assert.equal(sizeRatio(null, 100), null);
  });
});

describe('shortReason', () => {
  it('drops the command BuildKit repeats in its error, keeping the exit code', () => {
    assert.equal(shortReason('executor failed running [/bin/sh -c npm ci]: exit code: 1'), 'the command exited with code 1');
    assert.equal(shortReason('process "/bin/sh -c npm ci" did not complete successfully: exit code: 127'), 'the command exited with code 127');
    assert.equal(shortReason('failed to compute cache key: "/x" not found'), 'failed to compute cache key: "/x" not found');
  });
});

describe('buildArgv', () => {
  const req = { context: '/ctx', tag: 't:1', target: 'runtime', platform: 'linux/amd64', buildArgs: ['A=1'], secrets: ['id=npmrc,src=.npmrc'], cacheFrom: ['type=local,src=/c'], noCache: true };
  it('classic BuildKit: docker build with every flag passed through', () => {
    assert.deepEqual(buildArgv({ buildMode: 'classic-buildkit' }, req, '/ctx/Dockerfile'), [
      'build', '--progress=plain', '-f', '/ctx/Dockerfile', '-t', 't:1', '--target', 'runtime', '--platform', 'linux/amd64', '--build-arg', 'A=1', '--secret', 'id=npmrc,src=.npmrc', '--cache-from', 'type=local,src=/c', '--no-cache', '/ctx',
    ]);
  });
  it('buildx: builder, cache export, and --load or --push', () => {
    const args = buildArgv({ buildMode: 'buildx' }, { ...req, builder: 'k8s', cacheTo: ['type=registry,ref=r/c'] }, '/ctx/Dockerfile');
    assert.deepEqual(args.slice(0, 2), ['buildx', 'build']);
    assert.ok(args.includes('--builder') && args.includes('--cache-to') && args.includes('--load'));
    assert.ok(buildArgv({ buildMode: 'buildx' }, { ...req, push: true }, 'D').includes('--push'));
  });
  it('refuses --builder and --cache-to without buildx', () => {
    assert.throws(() => buildArgv({ buildMode: 'classic-buildkit' }, { ...req, builder: 'k8s' }, 'D'), (e: unknown) => e instanceof UserError && /--builder needs docker buildx/.test(e.message));
    assert.throws(() => buildArgv({ buildMode: 'classic-buildkit' }, { ...req, cacheTo: ['x'] }, 'D'), /--cache-to needs docker buildx/);
  });
});

describe('buildImage against a fake docker client', () => {
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => {
    saved = { ...process.env };
    resetDockerCache();
  });
  afterEach(() => {
    process.env = saved;
    resetDockerCache();
  });

  function project(): string {
    const dir = mkdtempSync(join(tmpdir(), 'stagecraft-build-'));
    writeFileSync(join(dir, 'Dockerfile'), read('engine-20.10.Dockerfile'));
    return dir;
  }
  const hist = (CreatedBy: string, Size: number) => ({ Comment: 'buildkit.dockerfile.v0', CreatedAt: '2026-12-04T16:33:58Z', CreatedBy, ID: '<missing>', Size: String(Size) });
  const images = {
    'stagecraft-test/unit:1': {
      inspect: { Id: 'sha256:abc', RepoTags: ['stagecraft-test/unit:1'], Size: 186399594 },
      history: [hist('CMD ["node" "server.js"]', 0), hist('USER 1000', 0), hist('COPY server.js ./ # buildkit', 15), hist('COPY /app/node_modules ./node_modules # buildkit', 2), hist('WORKDIR /app', 0), hist('CMD ["node"]', 0), hist('COPY node /usr/local/bin/node # buildkit', 112154915), hist('', 74244662)],
    },
    'node:20-slim': { inspect: { Id: 'sha256:base', RepoTags: ['node:20-slim'], Size: 186399577 }, history: [hist('CMD ["node"]', 0), hist('COPY node /usr/local/bin/node # buildkit', 112154915), hist('', 74244662)] },
  };

  it('returns the JSON shape: image, size, cachedSteps, totalSteps, seconds, layers', async () => {
    const fake = writeFakeDocker({ clientVersion: '20.10.24', buildLog: read('engine-20.10-edit.log'), images });
    process.env.STAGECRAFT_DOCKER = join(fake, 'docker');
    const r = await buildImage({ context: project(), tag: 'stagecraft-test/unit:1' });
    assert.equal(r.image, 'stagecraft-test/unit:1');
    assert.equal(r.size, 186399594);
    assert.equal(r.totalSteps, 5);
    assert.equal(r.cachedSteps, 4);
    assert.equal(typeof r.seconds, 'number');
    assert.equal(r.buildMode, 'classic-buildkit');
    assert.equal(r.baseImage, 'node:20-slim');
    assert.equal(r.baseSize, 186399577);
    assert.equal(r.layers.length, 8);
    assert.equal(r.layers.filter((l) => l.base).length, 3);
    assert.deepEqual(r.layers.filter((l) => !l.base && !l.empty).map((l) => [l.stage, l.line, l.size]), [['runtime', 8, 2], ['runtime', 9, 15]]);
    assert.deepEqual(r.steps.filter((s) => !s.cached).map((s) => [s.instruction, s.line]), [['COPY server.js ./', 9]]);
    for (const k of ['image', 'size', 'cachedSteps', 'totalSteps', 'seconds', 'layers']) assert.ok(k in JSON.parse(JSON.stringify(r)), k);
    const calls = readFileSync(join(fake, 'calls.log'), 'utf8');
    assert.match(calls, /^build --progress=plain -f \S+Dockerfile -t stagecraft-test\/unit:1 /m);
  });

  it('a failed build throws BuildFailedError with the log and the Dockerfile line', async () => {
    const fake = writeFakeDocker({ clientVersion: '20.10.24', buildLog: read('engine-20.10-fail.log'), buildExit: 1, images });
    process.env.STAGECRAFT_DOCKER = join(fake, 'docker');
    const dir = project();
    writeFileSync(join(dir, 'Dockerfile'), read('engine-20.10-fail.Dockerfile'));
    await assert.rejects(buildImage({ context: dir, tag: 'stagecraft-test/unit:1' }), (e: unknown) => {
      assert.ok(e instanceof BuildFailedError);
      assert.equal(e.exitCode, 1);
      assert.equal(e.line, 4);
      assert.match(e.message, /\[deps 4\/4\] RUN echo installing.*: the command exited with code 3$/);
      assert.match(e.log, /#8 ERROR/);
      return true;
    });
  });

  it('no engine: exit 2 with the DOCKER_HOST hint, before building', async () => {
    const fake = writeFakeDocker({ clientVersion: '20.10.24', engineDown: true });
    process.env.STAGECRAFT_DOCKER = join(fake, 'docker');
    await assert.rejects(buildImage({ context: project() }), (e: unknown) => e instanceof UserError && e.exitCode === 2 && /no Docker engine answers/.test(e.message) && /DOCKER_HOST/.test(e.hint ?? ''));
    assert.doesNotMatch(readFileSync(join(fake, 'calls.log'), 'utf8'), /progress=plain/);
  });

  it('no Dockerfile: a usage error that names init', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stagecraft-build-'));
    await assert.rejects(buildImage({ context: dir }), (e: unknown) => e instanceof UserError && /no Dockerfile/.test(e.message) && /stagecraft init/.test(e.hint ?? ''));
  });
});
