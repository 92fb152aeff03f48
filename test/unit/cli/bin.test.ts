// The launcher users run (`npx stagecraft`): the compiled CLI in dist/, which `npm test` builds first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/stagecraft.js', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

test('bin/stagecraft.js --version prints the package version', () => {
  assert.equal(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim(), pkg.version);
});

test('bin/stagecraft.js --help lists every command; each command has its own --help', () => {
  const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  for (const cmd of ['init', 'check', 'rules', 'context', 'build', 'inspect']) {
    assert.match(help, new RegExp(`^\\s+${cmd}\\b`, 'm'), `--help lists ${cmd}`);
    const own = spawnSync(process.execPath, [bin, cmd, '--help'], { encoding: 'utf8' });
    assert.equal(own.status, 0, `${cmd} --help exits 0`);
    assert.match(own.stdout, new RegExp(`Usage: stagecraft ${cmd}`));
  }
});

test('an unknown command is a usage error (exit 2) without a stack trace', () => {
  const r = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});
