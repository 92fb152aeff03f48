import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBatch } from './cli-batch.js';

const noEngine = { DOCKER_HOST: 'unix:///nonexistent/stagecraft-test.sock' };
const stackTrace = /\n\s+at .+:\d+:\d+|internal error/;

describe('stagecraft build / inspect on hostile inputs (CLI)', () => {
  it('--compare with a missing file, or --compare-naive on a project init cannot plan, fails before anything is built', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-build-edge-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    // No engine: had the image build started first, the message would be "no Docker engine answers".
    const [missing, naive] = await cliBatch(
      [{ args: ['build', dir, '--compare', join(dir, 'nope.Dockerfile')] }, { args: ['build', dir, '--compare-naive'] }],
      noEngine,
    );
    assert.equal(missing!.code, 2, missing!.stderr);
    assert.match(missing!.stderr, /--compare: no Dockerfile at .*nope\.Dockerfile/);
    assert.doesNotMatch(missing!.stderr, /engine|stagecraft init/);
    assert.equal(naive!.code, 1, naive!.stderr);
    assert.match(naive!.stderr, /no supported stack found/);
  });

  it('--target the Dockerfile does not have, and -f a folder: exit 2 before any docker call, the stages listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-build-edge-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch AS base\nFROM base AS Runtime\n');
    mkdirSync(join(dir, 'sub'));
    const [target, folder, ok] = await cliBatch(
      [{ args: ['build', dir, '--target', 'nope'] }, { args: ['build', dir, '-f', join(dir, 'sub')] }, { args: ['build', dir, '--target', 'runtime'] }],
      noEngine,
    );
    assert.equal(target!.code, 2, target!.stderr);
    assert.match(target!.stderr, /no stage named nope in .*Dockerfile\n  hint: stages: base, runtime/);
    assert.equal(folder!.code, 2, folder!.stderr);
    assert.match(folder!.stderr, /sub is a folder, not a Dockerfile/);
    // A stage that exists passes the check and reaches the engine (absent here).
    assert.equal(ok!.code, 2);
    assert.doesNotMatch(ok!.stderr, /no stage named/);
  });

  it('no engine: build, build --json and inspect <name> exit 2 with one clear message, nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-build-edge-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    const results = await cliBatch([{ args: ['build', dir] }, { args: ['build', dir, '--json'] }, { args: ['inspect', 'stagecraft-test/none:1'] }], noEngine);
    for (const r of results) {
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^stagecraft: /);
      assert.doesNotMatch(r.stderr, stackTrace);
    }
  });

  it('inspect: an empty file, random bytes, a truncated tar, a folder: exit 2, said plainly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-inspect-edge-'));
    writeFileSync(join(dir, 'empty.tar'), '');
    writeFileSync(join(dir, 'random.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    // A tar header that promises 10,000 bytes, followed by 10.
    const header = Buffer.alloc(512);
    header.write('manifest.json');
    header.write('0000644\0', 100);
    header.write('00000023420\0', 124);
    header.write('0', 156);
    header.write('ustar\x0000', 257);
    let sum = 0;
    header.fill(' ', 148, 156);
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    writeFileSync(join(dir, 'truncated.tar'), Buffer.concat([header, Buffer.from('0123456789')]));
    mkdirSync(join(dir, 'folder'));
    const results = await cliBatch(['empty.tar', 'random.bin', 'truncated.tar', 'folder'].map((f) => ({ args: ['inspect', join(dir, f)] })), noEngine);
    for (const r of results) {
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.doesNotMatch(r.stderr, stackTrace);
    }
    assert.match(results[0]!.stderr, /not an image archive/);
    assert.match(results[2]!.stderr, /corrupt or truncated/);
    assert.match(results[3]!.stderr, /is a directory, not an image archive/);
  });
});
