import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bytes, classicArchive, packTar, tempFile } from '../image/archive-builder.js';

const runner = fileURLToPath(new URL('./run-cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs several CLI invocations from source in one child process (one tsx start-up for all). */
function cliBatch(calls: { args: string[]; cwd?: string }[]): Promise<CliResult[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', tsx, runner, JSON.stringify(calls)], { env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`runner failed: ${stderr}`));
      resolve(JSON.parse(stdout) as CliResult[]);
    });
  });
}

async function sampleArchive() {
  const l0 = await packTar([{ name: 'bin/', type: 'directory' }, { name: 'bin/sh', content: bytes(5000) }]);
  const l1 = await packTar([{ name: 'app/', type: 'directory' }, { name: 'app/big.bin', content: bytes(3000) }, { name: 'app/.env', content: 'SECRET=1\n' }]);
  const l2 = await packTar([{ name: 'app/', type: 'directory' }, { name: 'app/.wh.big.bin', content: '' }]);
  return tempFile(await classicArchive([l0, l1, l2], { tag: 'sample:1' }));
}

describe('stagecraft inspect (CLI)', () => {
  it('--json has size, layers {size, createdBy, digest}, user, efficiency, wastedBytes; files only with --files', async () => {
    const file = await sampleArchive();
    const [r, rf] = await cliBatch([{ args: ['inspect', file, '--json', '--no-dive-ci'] }, { args: ['inspect', file, '--json', '--files', '--no-dive-ci'] }]);
    assert.equal(r!.code, 0, r!.stderr);
    const j = JSON.parse(r!.stdout);
    assert.equal(j.size, 5000 + 3009);
    assert.deepEqual(j.layers.map((l: { size: number }) => l.size), [5000, 3009, 0]);
    assert.ok(j.layers.every((l: { createdBy: string; digest: string }) => typeof l.createdBy === 'string' && /^sha256:[0-9a-f]{64}$/.test(l.digest)));
    assert.equal(j.user, '');
    assert.equal(typeof j.efficiency, 'number');
    assert.equal(j.wastedBytes, 3000);
    assert.equal(j.files, undefined);
    const withFiles = JSON.parse(rf!.stdout);
    assert.deepEqual(withFiles.files.map((f: { path: string }) => f.path), ['/app/.env', '/bin/sh']);
  });

  it('exits 1 when a threshold is crossed, 0 at the limit', async () => {
    const file = await sampleArchive();
    const [atLimit, over, wasted, efficient, inefficient] = await cliBatch([
      { args: ['inspect', file, '--max-size', '8009', '--max-wasted', '3000', '--no-dive-ci'] },
      { args: ['inspect', file, '--max-size', '8kB', '--no-dive-ci'] },
      { args: ['inspect', file, '--max-wasted', '2999', '--no-dive-ci'] },
      { args: ['inspect', file, '--min-efficiency', '60%', '--no-dive-ci'] },
      { args: ['inspect', file, '--min-efficiency', '63%', '--no-dive-ci'] },
    ]);
    assert.equal(atLimit!.code, 0, atLimit!.stderr);
    assert.equal(over!.code, 1);
    assert.match(over!.stdout, /FAIL\s+max-size/);
    assert.equal(wasted!.code, 1);
    // stagecraft efficiency: (8009 - 3000) / 8009 = 62.5%
    assert.equal(efficient!.code, 0);
    assert.equal(inefficient!.code, 1);
  });

  it('reads ./.dive-ci as is (dive\'s defaults for the rules it leaves out)', async () => {
    const file = await sampleArchive();
    const dir = mkdtempSync(join(tmpdir(), 'stagecraft-diveci-'));
    writeFileSync(join(dir, '.dive-ci'), 'rules:\n  lowestEfficiency: 0.1\n  highestWastedBytes: 1MB\n  highestUserWastedPercent: disabled\n');
    const dir2 = mkdtempSync(join(tmpdir(), 'stagecraft-diveci-'));
    writeFileSync(join(dir2, '.dive-ci'), 'rules:\n  highestWastedBytes: 2kB\n  highestUserWastedPercent: disabled\n');
    const [ok, r] = await cliBatch([{ args: ['inspect', file], cwd: dir }, { args: ['inspect', file, '--json'], cwd: dir2 }]);
    assert.equal(ok!.code, 0, ok!.stdout);
    assert.equal(r!.code, 1);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r!.stdout).thresholds.map((t: { rule: string; passed: boolean }) => [t.rule, t.passed]), [['lowestEfficiency', false], ['highestWastedBytes', false]]);
  });

  it('prints the findings as SARIF or GitHub annotations, and writes an HTML report', async () => {
    const file = await sampleArchive();
    const out = join(mkdtempSync(join(tmpdir(), 'stagecraft-report-')), 'report.html');
    const [s, g, r] = await cliBatch([
      { args: ['inspect', file, '--format', 'sarif', '--no-dive-ci'] },
      { args: ['inspect', file, '--format', 'github', '--no-dive-ci'] },
      { args: ['inspect', file, '--report', out, '--no-dive-ci'] },
    ]);
    const sarif = JSON.parse(s!.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x: { ruleId: string; level: string }) => x.ruleId === 'env-file' && x.level === 'error'));
    assert.match(g!.stdout, /^::error title=stagecraft env-file::sample:1: \/app\/.env: an environment file/m);
    assert.equal(r!.code, 0);
    assert.match(readFileSync(out, 'utf8'), /^<!doctype html>/);
  });

  it('fails clearly (exit 2) on a missing file, a corrupt archive and bad flags', async () => {
    const [missing, corrupt, bad] = await cliBatch([
      { args: ['inspect', './nope/image.tar'] },
      { args: ['inspect', tempFile(Buffer.alloc(5000, 7))] },
      { args: ['inspect', await sampleArchive(), '--max-size', 'huge'] },
    ]);
    assert.equal(missing!.code, 2);
    assert.match(missing!.stderr, /no such file: \.\/nope\/image\.tar/);
    assert.equal(corrupt!.code, 2);
    assert.match(corrupt!.stderr, /corrupt or truncated|not an image archive/);
    assert.ok(!/\n\s+at /.test(corrupt!.stderr), 'no stack trace');
    assert.equal(bad!.code, 2);
    assert.match(bad!.stderr, /--max-size: cannot read "huge"/);
  });
});
