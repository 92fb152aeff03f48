// A few smoke tests of `stagecraft check` and `stagecraft rules` through the CLI (exit codes, output shape).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cliBatch } from '../cli/cli-batch.js';

test('check and rules through the CLI', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-cli-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20-slim\nUSER node\nWORKDIR app\n');
  writeFileSync(join(dir, '.dockerignore'), '.git\n');
  writeFileSync(join(dir, 'ok.Dockerfile'), 'FROM node:20-slim\nUSER node\nWORKDIR /app\n');
  const [findings, clean, json, sarif, usage, missing, rulesJson, rulesText] = await cliBatch([
    { args: ['check', '--no-config', 'Dockerfile'], cwd: dir },
    { args: ['check', '--no-config', 'ok.Dockerfile'], cwd: dir },
    { args: ['check', '--no-config', '--format', 'json', '.'], cwd: dir },
    { args: ['check', '--no-config', '--format', 'sarif', 'Dockerfile'], cwd: dir },
    { args: ['check', '--no-config', '--fail-on', 'loud', 'Dockerfile'], cwd: dir },
    { args: ['check', '--no-config', 'nope'], cwd: dir },
    { args: ['rules', '--json'] },
    { args: ['rules'] },
  ]);
  assert.equal(findings!.code, 1);
  assert.match(findings!.stdout, /workdir-relative/);
  assert.equal(clean!.code, 0, clean!.stdout + clean!.stderr);
  const parsed = JSON.parse(json!.stdout);
  assert.deepEqual(parsed.files.map((f: { file: string }) => f.file).sort(), ['Dockerfile', 'ok.Dockerfile']);
  assert.equal(JSON.parse(sarif!.stdout).version, '2.1.0');
  assert.equal(usage!.code, 2);
  assert.equal(missing!.code, 2);
  assert.match(missing!.stderr, /no such file or folder: nope/);
  const list = JSON.parse(rulesJson!.stdout) as { id: string; severity: string; description: string; aliases: string[]; scope: string; fixable: boolean; url: string }[];
  assert.ok(list.length >= 70);
  for (const r of list) for (const k of ['id', 'severity', 'description', 'aliases', 'scope', 'fixable', 'url']) assert.ok(k in r, `${r.id} has ${k}`);
  assert.match(rulesText!.stdout, /\d+ rules\n$/);
});

test('--rule takes any casing and spaces around =; --max-warnings failing alone is explained on stderr', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-cli-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20-slim\nUSER node\nWORKDIR app\n');
  writeFileSync(join(dir, '.dockerignore'), '.git\nnode_modules\n.env\n*.log\n');
  const [upper, spaced, warn, maxw] = await cliBatch([
    { args: ['check', '--no-config', '--rule', 'DL3000=Error', 'Dockerfile'], cwd: dir },
    { args: ['check', '--no-config', '--rule', 'DL3000 = off', 'Dockerfile'], cwd: dir },
    { args: ['check', '--no-config', '--rule', 'DL3000=warn', 'Dockerfile'], cwd: dir },
    { args: ['check', '--no-config', '--fail-on', 'error', '--max-warnings', '0', 'Dockerfile'], cwd: dir },
  ]);
  assert.match(upper!.stdout, /error\s+.*workdir-relative/);
  assert.equal(spaced!.code, 0, spaced!.stdout + spaced!.stderr);
  assert.equal(warn!.code, 2);
  assert.match(warn!.stderr, /write warning, not warn/);
  assert.equal(maxw!.code, 1);
  assert.match(maxw!.stderr, /more than --max-warnings 0 allows/);
});

test('rules takes ids or aliases to look up (rules DL3008 used to be "too many arguments")', async () => {
  const [one, json, unknown] = await cliBatch([{ args: ['rules', 'DL3008'] }, { args: ['rules', '--json', 'JSONArgsRecommended,final-user-root'] }, { args: ['rules', 'DL9999'] }]);
  assert.equal(one!.code, 0, one!.stderr);
  assert.match(one!.stdout, /^apt-pin-versions /);
  assert.match(one!.stdout, /\n1 rule\n$/);
  assert.deepEqual(JSON.parse(json!.stdout).map((r: { id: string }) => r.id), ['final-user-root', 'json-args-recommended']);
  assert.equal(unknown!.code, 2);
  assert.match(unknown!.stderr, /unknown rule "DL9999"/);
});

test('check - with a terminal as standard input is a usage error, not a hang', async () => {
  const { main } = await import('../../../src/cli/main.js');
  const stdin = process.stdin as { isTTY?: boolean };
  const wasTTY = stdin.isTTY;
  const write = process.stderr.write.bind(process.stderr);
  let err = '';
  stdin.isTTY = true;
  process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
  try {
    assert.equal(await main(['node', 'stagecraft', 'check', '-']), 2);
  } finally {
    process.stderr.write = write;
    stdin.isTTY = wasTTY;
  }
  assert.match(err, /standard input, which is a terminal/);
});

test('check --help states the exit codes and the suppression syntax', async () => {
  const [help] = await cliBatch([{ args: ['check', '--help'] }]);
  assert.equal(help!.code, 0);
  assert.match(help!.stdout, /Exit codes: 0 clean, 1 .*\n2 usage or I\/O error/);
  assert.match(help!.stdout, /# stagecraft-ignore <id>/);
});
