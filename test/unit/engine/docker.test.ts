import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DockerNotFoundError,
  EngineUnavailableError,
  NoBuildKitError,
  buildClient,
  dockerCandidates,
  locateDocker,
  parseHistoryLines,
  probeClient,
  resetDockerCache,
  saysBuildxMissing,
  saysEngineDown,
} from '../../../src/engine/index.js';
import { writeFakeDocker } from './fake-docker.js';

// PATH holds only the fake folders (and /bin for the shell scripts' `cat`), never a real docker.
function env(dirs: string[], extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: [...dirs, '/nonexistent-bin'].join(':'), STAGECRAFT_DOCKER: undefined, ...extra };
}

describe('docker client detection', () => {
  beforeEach(() => resetDockerCache());

  it('uses buildx when the client has it', async () => {
    const d = writeFakeDocker({ clientVersion: '28.2.2', buildx: true });
    const c = await probeClient(join(d, 'docker'), env([d]));
    assert.equal(c?.buildMode, 'buildx');
    assert.equal(c?.clientVersion, '28.2.2');
  });

  it('refuses a Docker 23+ client without buildx ("buildx component is missing")', async () => {
    const d = writeFakeDocker({ clientVersion: '28.2.2', buildkitMissing: true });
    const c = await probeClient(join(d, 'docker'), env([d]));
    assert.equal(c?.buildMode, undefined);
    assert.match(c?.cannotBuild ?? '', /buildx component is missing/);
  });

  it('builds with DOCKER_BUILDKIT=1 on a 20.10 client', async () => {
    const d = writeFakeDocker({ clientVersion: '20.10.24+dfsg1' });
    const c = await probeClient(join(d, 'docker'), env([d]));
    assert.equal(c?.buildMode, 'classic-buildkit');
  });

  it('refuses a client older than 18.09', async () => {
    const d = writeFakeDocker({ clientVersion: '18.06.1-ce' });
    const c = await probeClient(join(d, 'docker'), env([d]));
    assert.equal(c?.buildMode, undefined);
    assert.match(c?.cannotBuild ?? '', /older than 18\.09/);
  });

  it('skips a buildx-less v28 first on PATH and takes the 20.10 client behind it', async () => {
    const v28 = writeFakeDocker({ clientVersion: '28.2.2', buildkitMissing: true });
    const v20 = writeFakeDocker({ clientVersion: '20.10.24' });
    const e = env([v28, v20]);
    assert.deepEqual(dockerCandidates(e, []), [join(v28, 'docker'), join(v20, 'docker')]);
    const located = await locateDocker(e, []);
    assert.equal(located.build?.binary, join(v20, 'docker'));
    assert.equal(located.build?.buildMode, 'classic-buildkit');
  });

  it('prefers a buildx client over an earlier classic one', async () => {
    const v20 = writeFakeDocker({ clientVersion: '20.10.24' });
    const bx = writeFakeDocker({ clientVersion: '27.0.0', buildx: true });
    const located = await locateDocker(env([v20, bx]), []);
    assert.equal(located.build?.binary, join(bx, 'docker'));
  });

  it('honours STAGECRAFT_DOCKER and says clearly when it cannot build', async () => {
    const v28 = writeFakeDocker({ clientVersion: '28.2.2', buildkitMissing: true });
    const v20 = writeFakeDocker({ clientVersion: '20.10.24' });
    const e = env([v20], { STAGECRAFT_DOCKER: join(v28, 'docker') });
    const located = await locateDocker(e, []);
    assert.equal(located.clients.length, 1);
    await assert.rejects(buildClient(e, []), (err: unknown) => {
      assert.ok(err instanceof NoBuildKitError);
      assert.match(err.message, /buildx component is missing/);
      assert.equal(err.exitCode, 2);
      return true;
    });
  });

  it('finds no client on an empty PATH, and says so', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'stagecraft-empty-'));
    assert.deepEqual(dockerCandidates(env([empty]), []), []);
    await assert.rejects(locateDocker(env([empty]), []), (err: unknown) => err instanceof DockerNotFoundError && err.exitCode === 2 && /no docker client found on PATH/.test(err.message));
  });

  it('probes the fallback location (Debian\'s /usr/bin/docker) after PATH', () => {
    const a = writeFakeDocker({ clientVersion: '28.2.2', buildkitMissing: true });
    const b = writeFakeDocker({ clientVersion: '20.10.24' });
    assert.deepEqual(dockerCandidates(env([a]), [join(b, 'docker')]), [join(a, 'docker'), join(b, 'docker')]);
  });
});

describe('engine messages', () => {
  it('recognises "no engine" and "buildx missing" output', () => {
    assert.ok(saysEngineDown('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'));
    assert.ok(saysEngineDown('error during connect: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/version"'));
    assert.ok(!saysEngineDown('Error: No such image: x'));
    assert.ok(saysBuildxMissing('ERROR: BuildKit is enabled but the buildx component is missing or broken.'));
  });

  it('EngineUnavailableError is a usage error (exit 2) with a DOCKER_HOST hint', () => {
    const e = new EngineUnavailableError('Cannot connect');
    assert.equal(e.exitCode, 2);
    assert.match(e.hint ?? '', /DOCKER_HOST/);
  });
});

describe('parseHistoryLines', () => {
  it('reads `docker history --format {{json .}} --human=false` lines', () => {
    const lines = [
      '{"Comment":"buildkit.dockerfile.v0","CreatedAt":"2026-12-04T16:33:58Z","CreatedBy":"CMD [\\"node\\"]","ID":"sha256:09a4","Size":"0"}',
      '{"Comment":"","CreatedAt":"2026-12-04T16:33:58Z","CreatedBy":"COPY node /usr/local/bin/node # buildkit","ID":"\\u003cmissing\\u003e","Size":"98932688"}',
      '',
    ].join('\n');
    const h = parseHistoryLines(lines);
    assert.equal(h.length, 2);
    assert.deepEqual(h[0], { id: 'sha256:09a4', createdBy: 'CMD ["node"]', size: 0, createdAt: '2026-12-04T16:33:58Z', comment: 'buildkit.dockerfile.v0' });
    assert.equal(h[1]!.id, undefined);
    assert.equal(h[1]!.size, 98932688);
  });
});
