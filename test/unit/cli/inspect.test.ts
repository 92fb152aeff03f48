import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBatch, type CliResult } from './cli-batch.js';
import { bytes, classicArchive, packTar, tempFile } from '../image/archive-builder.js';

async function sampleArchive() {
  const l0 = await packTar([{ name: 'bin/', type: 'directory' }, { name: 'bin/sh', content: bytes(5000) }]);
  const l1 = await packTar([{ name: 'app/', type: 'directory' }, { name: 'app/big.bin', content: bytes(3000) }, { name: 'app/.env', content: 'SECRET=1\n' }]);
  const l2 = await packTar([{ name: 'app/', type: 'directory' }, { name: 'app/.wh.big.bin', content: '' }]);
  return tempFile(await classicArchive([l0, l1, l2], { tag: 'sample:1' }));
}

describe('stagecraft inspect (CLI)', () => {
  // Every invocation runs in one child process (one tsx start-up), prepared here.
  const calls: Record<string, { args: string[]; cwd?: string }> = {};
  const results: Record<string, CliResult> = {};
  const report = join(mkdtempSync(join(tmpdir(), 'stagecraft-report-')), 'report.html');

  before(async () => {
    const file = await sampleArchive();
    const lenient = mkdtempSync(join(tmpdir(), 'stagecraft-diveci-'));
    writeFileSync(join(lenient, '.dive-ci'), 'rules:\n  lowestEfficiency: 0.1\n  highestWastedBytes: 1MB\n  highestUserWastedPercent: disabled\n');
    const strict = mkdtempSync(join(tmpdir(), 'stagecraft-diveci-'));
    writeFileSync(join(strict, '.dive-ci'), 'rules:\n  highestWastedBytes: 2kB\n  highestUserWastedPercent: disabled\n');
    Object.assign(calls, {
      json: { args: ['inspect', file, '--json', '--no-dive-ci'] },
      files: { args: ['inspect', file, '--json', '--files', '--no-dive-ci'] },
      atLimit: { args: ['inspect', file, '--max-size', '8009', '--max-wasted', '3000', '--no-dive-ci'] },
      overSize: { args: ['inspect', file, '--max-size', '8kB', '--no-dive-ci'] },
      overWasted: { args: ['inspect', file, '--max-wasted', '2999', '--no-dive-ci'] },
      efficient: { args: ['inspect', file, '--min-efficiency', '60%', '--no-dive-ci'] },
      inefficient: { args: ['inspect', file, '--min-efficiency', '63%', '--no-dive-ci'] },
      diveLenient: { args: ['inspect', file], cwd: lenient },
      diveStrict: { args: ['inspect', file, '--json'], cwd: strict },
      sarif: { args: ['inspect', file, '--format', 'sarif', '--no-dive-ci'] },
      github: { args: ['inspect', file, '--format', 'github', '--no-dive-ci'] },
      report: { args: ['inspect', file, '--report', report, '--no-dive-ci'] },
      missing: { args: ['inspect', './nope/image.tar'] },
      corrupt: { args: ['inspect', tempFile(Buffer.alloc(5000, 7))] },
      badFlag: { args: ['inspect', file, '--max-size', 'huge'] },
    });
    const keys = Object.keys(calls);
    const out = await cliBatch(keys.map((k) => calls[k]!));
    keys.forEach((k, i) => (results[k] = out[i]!));
  });

  it('--json has size, layers {size, createdBy, digest}, user, efficiency, wastedBytes; files only with --files', () => {
    const r = results.json!;
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.size, 5000 + 3009);
    assert.deepEqual(j.layers.map((l: { size: number }) => l.size), [5000, 3009, 0]);
    assert.ok(j.layers.every((l: { createdBy: string; digest: string }) => typeof l.createdBy === 'string' && /^sha256:[0-9a-f]{64}$/.test(l.digest)));
    assert.equal(j.user, '');
    assert.equal(typeof j.efficiency, 'number');
    assert.equal(j.wastedBytes, 3000);
    assert.equal(j.files, undefined);
    const withFiles = JSON.parse(results.files!.stdout);
    assert.deepEqual(withFiles.files.map((f: { path: string }) => f.path), ['/app/.env', '/bin/sh']);
  });

  it('exits 1 when a threshold is crossed, 0 at the limit', () => {
    assert.equal(results.atLimit!.code, 0, results.atLimit!.stderr);
    assert.equal(results.overSize!.code, 1);
    assert.match(results.overSize!.stdout, /FAIL\s+max-size/);
    assert.equal(results.overWasted!.code, 1);
    // stagecraft efficiency: (8009 - 3000) / 8009 = 62.5%
    assert.equal(results.efficient!.code, 0);
    assert.equal(results.inefficient!.code, 1);
  });

  it('reads ./.dive-ci as is (dive\'s defaults for the rules it leaves out)', () => {
    assert.equal(results.diveLenient!.code, 0, results.diveLenient!.stdout);
    const r = results.diveStrict!;
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout).thresholds.map((t: { rule: string; passed: boolean }) => [t.rule, t.passed]), [['lowestEfficiency', false], ['highestWastedBytes', false]]);
  });

  it('prints the findings as SARIF or GitHub annotations, and writes an HTML report', () => {
    const sarif = JSON.parse(results.sarif!.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x: { ruleId: string; level: string }) => x.ruleId === 'env-file' && x.level === 'error'));
    assert.match(results.github!.stdout, /^::error title=stagecraft env-file::sample:1: \/app\/.env: an environment file/m);
    assert.equal(results.report!.code, 0);
    assert.match(readFileSync(report, 'utf8'), /^<!doctype html>/);
  });

  it('fails clearly (exit 2) on a missing file, a corrupt archive and bad flags', () => {
    const { missing, corrupt, badFlag } = results;
    assert.equal(missing!.code, 2);
    assert.match(missing!.stderr, /no such file: \.\/nope\/image\.tar/);
    assert.equal(corrupt!.code, 2);
    assert.match(corrupt!.stderr, /corrupt or truncated|not an image archive/);
    assert.ok(!/\n\s+at /.test(corrupt!.stderr), 'no stack trace');
    assert.equal(badFlag!.code, 2);
    assert.match(badFlag!.stderr, /--max-size: cannot read "huge"/);
  });
});
