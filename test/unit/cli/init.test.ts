import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBatch } from './cli-batch.js';

const fixtures = fileURLToPath(new URL('../../fixtures/apps/', import.meta.url));

function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sc-init-${name}-`));
  cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}

describe('stagecraft init (CLI)', () => {
  it('writes the Dockerfile and .dockerignore, then refuses to overwrite without --force', async () => {
    const dir = copyFixture('node-express');
    const [first, second] = await cliBatch([{ args: ['init', dir] }, { args: ['init', dir] }]);
    assert.equal(first!.code, 0, first!.stderr);
    assert.match(first!.stderr, /wrote .*Dockerfile/);
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    assert.match(dockerfile, /^FROM .* AS runtime$/m);
    assert.ok(existsSync(join(dir, '.dockerignore')));
    assert.equal(second!.code, 1);
    assert.match(second!.stderr, /already exist/);
    assert.match(second!.stderr, /--force/);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), dockerfile, 'the refused run changed nothing');
  });

  it('a .dockerignore alone also blocks init without --force; --force merges it and keeps the user lines', async () => {
    const dir = copyFixture('node-express');
    writeFileSync(join(dir, '.dockerignore'), '# mine\nsecrets/\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    const [refused, forced] = await cliBatch([{ args: ['init', dir] }, { args: ['init', dir, '--force'] }]);
    assert.equal(refused!.code, 1);
    assert.equal(forced!.code, 0, forced!.stderr);
    const ignore = readFileSync(join(dir, '.dockerignore'), 'utf8');
    assert.ok(ignore.startsWith('# mine\nsecrets/\n'), ignore);
    assert.match(ignore, /\*\*\/node_modules/);
    assert.equal(readFileSync(join(dir, 'Dockerfile.bak'), 'utf8'), 'FROM scratch\n', 'the replaced Dockerfile is kept');
  });

  it('--json prints the plan with stack, packageManager, stages, user, port and cmd, and writes nothing', async () => {
    const dir = copyFixture('node-express');
    const before = readdirSync(dir).sort();
    const [r] = await cliBatch([{ args: ['init', dir, '--json'] }]);
    assert.equal(r!.code, 0, r!.stderr);
    const plan = JSON.parse(r!.stdout);
    assert.equal(plan.stack, 'node');
    assert.equal(plan.packageManager, 'npm');
    assert.ok(plan.stages.length >= 2);
    for (const s of plan.stages) assert.ok(typeof s.name === 'string' && typeof s.base === 'string');
    assert.match(plan.user, /^[1-9]\d*(:\d+)?$/);
    assert.equal(typeof plan.port, 'number');
    assert.ok(Array.isArray(plan.cmd) && plan.cmd.length > 0);
    assert.deepEqual(readdirSync(dir).sort(), before);
  });

  it('--stdout prints the Dockerfile, --dry-run both files; neither writes', async () => {
    const dir = copyFixture('go-cmd');
    const [out, dry] = await cliBatch([{ args: ['init', dir, '--stdout'] }, { args: ['init', dir, '--dry-run'] }]);
    assert.equal(out!.code, 0, out!.stderr);
    assert.match(out!.stdout, /^FROM golang:/m);
    assert.match(dry!.stdout, /\.dockerignore \(not written\)/);
    assert.ok(!existsSync(join(dir, 'Dockerfile')));
    assert.ok(!existsSync(join(dir, '.dockerignore')));
  });

  it('--no-comments drops the comments', async () => {
    const dir = copyFixture('go-cmd');
    const [r] = await cliBatch([{ args: ['init', dir, '--stdout', '--no-comments'] }]);
    assert.doesNotMatch(r!.stdout, /^#/m);
  });

  it('an unknown stack exits 1, says what it looked for, writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-init-empty-'));
    writeFileSync(join(dir, 'notes.txt'), 'hi');
    const [r] = await cliBatch([{ args: ['init', dir] }]);
    assert.equal(r!.code, 1);
    assert.match(r!.stderr, /go\.mod/);
    assert.match(r!.stderr, /package\.json/);
    assert.deepEqual(readdirSync(dir), ['notes.txt']);
  });

  it('a malformed package.json is a clear error with the file and line, no stack trace, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-init-bad-'));
    writeFileSync(join(dir, 'package.json'), '{\n  "name": "x",\n  "scripts": {\n}\n');
    const [r] = await cliBatch([{ args: ['init', dir] }]);
    assert.notEqual(r!.code, 0);
    assert.match(r!.stderr, /package\.json/);
    assert.doesNotMatch(r!.stderr, /\n\s+at /, 'no stack trace');
    assert.deepEqual(readdirSync(dir), ['package.json']);
  });

  it('usage errors exit 2: a missing folder, a bad port, an unknown base', async () => {
    const [missing, port, base] = await cliBatch([
      { args: ['init', join(tmpdir(), 'sc-no-such-folder-xyz')] },
      { args: ['init', '.', '--port', '70000'] },
      { args: ['init', '.', '--base', 'busybox'] },
    ]);
    assert.equal(missing!.code, 2);
    assert.match(missing!.stderr, /no such folder/);
    assert.equal(port!.code, 2);
    assert.equal(base!.code, 2);
  });

  it('several Go main packages without a choice: exit 1 naming them and --target-package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-init-go-'));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/two\n\ngo 1.23\n');
    for (const name of ['api', 'worker']) {
      mkdirSync(join(dir, 'cmd', name), { recursive: true });
      writeFileSync(join(dir, 'cmd', name, 'main.go'), 'package main\n\nfunc main() {}\n');
    }
    const [r, chosen] = await cliBatch([{ args: ['init', dir] }, { args: ['init', dir, '--target-package', 'cmd/worker', '--stdout'] }]);
    assert.equal(r!.code, 1);
    assert.match(r!.stderr, /api/);
    assert.match(r!.stderr, /worker/);
    assert.match(r!.stderr, /--target-package/);
    assert.equal(chosen!.code, 0, chosen!.stderr);
    assert.match(chosen!.stdout, /cmd\/worker/);
  });
});
