/**
 * `stagecraft inspect` on the real engine (issue 4): stand-in images and one built here (several
 * layers, a deleted file, an opaque folder, a leaked build arg, a layer saved twice) are saved through the CLI or with
 * `docker save`, and what inspect says is checked against `docker image inspect` and `docker history`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskHistoryText } from '../../src/image/config.js';
import { Created, artifactsDir, checkEngine, docker, dockerOk, exec, cliPath, imagePrefix, skipRequested, tail } from './harness.js';

const skip = skipRequested();
const created = new Created();

interface InspectJson {
  name: string;
  size: number;
  user: string;
  efficiency: number;
  wastedBytes: number;
  layers: { size: number; createdBy: string; digest: string; fromBase: boolean }[];
  history: { createdBy: string; emptyLayer: boolean }[];
  base: { layers: number; source: string };
  waste: { dive: { wastedBytes: number; efficiency: number }; stagecraft: { wastedBytes: number; efficiency: number; reclaimable: { path: string; bytes: number }[] } };
  findings: { code: string; severity: string; message: string; path?: string; inBase?: boolean }[];
  files?: { path: string; size: number }[];
  thresholds: { rule: string; passed: boolean }[];
}

function inspect(args: string[], env: NodeJS.ProcessEnv = {}) {
  return exec(process.execPath, [cliPath, 'inspect', ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, timeoutMs: 5 * 60_000 });
}

async function inspectJson(target: string, extra: string[] = []): Promise<InspectJson> {
  const r = await inspect([target, '--json', '--no-dive-ci', ...extra]);
  assert.equal(r.code, 0, tail(r.output, 20));
  return JSON.parse(r.stdout) as InspectJson;
}

/** `docker history`, oldest first, exact sizes and full commands. */
async function history(image: string): Promise<{ size: number; createdBy: string }[]> {
  const r = await dockerOk(['history', '--no-trunc', '--human=false', '--format', '{{json .}}', image]);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { Size: string | number; CreatedBy: string })
    .map((h) => ({ size: Number(h.Size), createdBy: h.CreatedBy }))
    .reverse();
}

async function assertAgreesWithEngine(image: string, r: InspectJson): Promise<void> {
  const info = JSON.parse((await dockerOk(['image', 'inspect', '--format', '{{json .}}', image])).stdout) as { Size: number; RootFS: { Layers: string[] }; Config: { User?: string } };
  assert.equal(r.size, info.Size, `${image}: size as docker image inspect counts it`);
  assert.deepEqual(r.layers.map((l) => l.digest), info.RootFS.Layers, `${image}: layer digests are RootFS.Layers`);
  assert.equal(r.user, info.Config.User ?? '', `${image}: user`);
  const h = await history(image);
  assert.equal(h.length, r.history.length, `${image}: one docker history row per history entry`);
  const layerRows = h.filter((_, i) => !r.history[i]!.emptyLayer);
  assert.deepEqual(r.layers.map((l) => l.size), layerRows.map((x) => x.size), `${image}: layer sizes as docker history shows them`);
  assert.deepEqual(r.layers.map((l) => l.createdBy), layerRows.map((x) => maskHistoryText(x.createdBy)), `${image}: each layer's instruction (secret build args masked)`);
  assert.equal(r.layers.reduce((a, l) => a + l.size, 0), r.size);
}

describe('stagecraft inspect (real engine)', { skip: skip ? 'STAGECRAFT_E2E_SKIP=1' : false }, () => {
  const tag = `${imagePrefix}inspect-layers:latest`;
  let work = '';

  before(async () => {
    const engine = await checkEngine();
    if (!engine.ok) throw new Error(engine.problem);
    work = mkdtempSync(join(tmpdir(), 'stagecraft-e2e-inspect-'));
    created.dirs.add(work);
    created.image(tag);
    const ctx = join(work, 'ctx');
    mkdirSync(join(ctx, 'app'), { recursive: true });
    writeFileSync(join(ctx, 'app', 'server.js'), 'console.log("hi");\n');
    writeFileSync(join(ctx, 'app', '.env'), 'API_KEY=not-a-real-key\n');
    writeFileSync(
      join(ctx, 'Dockerfile'),
      [
        'FROM debian:bookworm-slim',
        'ARG DEPLOY_TOKEN=tok_e2e_fake_value',
        'RUN mkdir -p /data /cache && head -c 300000 /dev/urandom > /data/old.bin && head -c 500000 /dev/urandom > /cache/big.bin && echo "$DEPLOY_TOKEN" > /dev/null',
        'RUN rm /cache/big.bin',
        'RUN rm -rf /data && mkdir /data && echo new > /data/new.txt',
        'COPY app /app',
        // Two identical empty layers: classic `docker save` writes the second as a symlink.
        'RUN true',
        'RUN true',
        'USER 1000:1000',
        'CMD ["node", "/app/server.js"]',
        '',
      ].join('\n'),
    );
    const b = await docker(['build', '-q', '-t', tag, ctx], { timeoutMs: 10 * 60_000 });
    assert.equal(b.code, 0, tail(b.output, 30));
  });
  after(() => created.cleanup());

  for (const image of ['debian:bookworm-slim', 'node:20-slim', 'gcr.io/distroless/static-debian12:nonroot', 'python:3.11-slim']) {
    it(`${image}: saved through the docker CLI, sizes and layers agree with the engine`, async () => {
      const r = await inspectJson(image);
      assert.equal(r.name, image);
      await assertAgreesWithEngine(image, r);
    });
  }

  it('an image built here: deleted file, opaque folder and leaked build arg are seen; figures agree with the engine', async () => {
    const r = await inspectJson(tag, ['--base', 'debian:bookworm-slim']);
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, 'inspect-layers.json'), JSON.stringify(r, null, 2));
    await assertAgreesWithEngine(tag, r);
    assert.equal(r.user, '1000:1000');
    assert.deepEqual(r.base, { layers: 1, source: 'given' });
    const reclaimable = new Map(r.waste.stagecraft.reclaimable.map((w) => [w.path, w.bytes]));
    assert.equal(reclaimable.get('/cache/big.bin'), 500000, 'the deleted file is reclaimable');
    assert.equal(reclaimable.get('/data/old.bin'), 300000, 'the file hidden by the opaque folder is reclaimable');
    // dive ignores the opaque marker (old.bin is not counted) and counts both copies of a deleted file's path.
    assert.ok(r.waste.stagecraft.wastedBytes >= 800000);
    assert.ok(r.waste.dive.wastedBytes >= 500000 && r.waste.dive.wastedBytes < 800000, `dive wasted ${r.waste.dive.wastedBytes}`);
    assert.equal(r.wastedBytes, r.waste.dive.wastedBytes, 'top-level figures are the dive-compatible ones');
    const codes = r.findings.filter((f) => !f.inBase).map((f) => f.code);
    assert.ok(codes.includes('env-file'), codes.join(','));
    const leak = r.findings.find((f) => f.code === 'leaked-build-arg')!;
    assert.equal(leak.severity, 'error');
    assert.ok(!leak.message.includes('tok_e2e_fake_value'), 'the value is masked');
    assert.ok(!JSON.stringify(r).includes('tok_e2e_fake_value'), 'nowhere in the output');
  });

  it('reads a `docker save` archive from disk the same as the image by name, with no engine needed', async () => {
    const file = join(work, 'saved.tar');
    await dockerOk(['save', '-o', file, tag], { timeoutMs: 5 * 60_000 });
    const byName = await inspectJson(tag);
    const noEngine = await inspect([file, '--json', '--no-dive-ci'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    assert.equal(noEngine.code, 0, tail(noEngine.output, 10));
    const byFile = JSON.parse(noEngine.stdout) as InspectJson;
    assert.equal(byFile.size, byName.size);
    assert.deepEqual(byFile.layers, byName.layers);
    assert.equal(byFile.efficiency, byName.efficiency);
  });

  it('exits 1 over --max-size and writes a report', async () => {
    const report = join(work, 'report.html');
    const r = await inspect([tag, '--max-size', '10MB', '--report', report, '--no-dive-ci']);
    assert.equal(r.code, 1, tail(r.output, 10));
    assert.match(r.stdout, /FAIL\s+max-size/);
  });

  it('an unknown image and a missing engine are clear errors (exit 2)', async () => {
    const unknown = await inspect([`${imagePrefix}does-not-exist:nope`]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no such image/);
    const down = await inspect(['debian:bookworm-slim'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    assert.equal(down.code, 2);
    assert.match(down.stderr, /no Docker engine/);
    assert.ok(!/\n\s+at /.test(down.stderr));
  });
});
