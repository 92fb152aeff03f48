import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cliBatch } from '../cli/cli-batch.js';
import { gitChangedPaths } from '../../../src/context/index.js';
import { makeTree, removeTree } from './tree.js';

/** Runs the CLI from source in a child process (capturing stdout in-process would swallow the test runner's own report). */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [r] = await cliBatch([{ args }]);
  return { code: r!.code, out: r!.stdout, err: r!.stderr };
}

const project = () =>
  makeTree({
    Dockerfile: 'FROM node:20-slim AS build\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY src/ ./src/\n\nFROM node:20-slim\nCOPY --from=build /app /app\n',
    '.dockerignore': '# mine\nREADME.md\n',
    'package.json': '{}',
    'src/a.js': 'a',
    '.env': 'S=1',
    'node_modules/x/y.js': 'y',
    'README.md': 'r',
  });

test('--json has fileCount, bytes, findings, copies[{line, stage, sources, bytes}], files with --list-files', async () => {
  const root = project();
  try {
    const { code, out } = await run(['context', root, '--json', '--list-files']);
    assert.equal(code, 0);
    const j = JSON.parse(out);
    assert.equal(j.fileCount, 6);
    assert.equal(typeof j.bytes, 'number');
    assert.ok(Array.isArray(j.findings) && j.findings.some((f: { code: string }) => f.code === 'secret-env'));
    assert.deepEqual(
      j.copies.map((c: { line: number; stage: string; sources: string[]; bytes: number }) => [c.line, c.stage, c.sources, c.bytes]),
      [
        [3, 'build', ['package.json'], 2],
        [5, 'build', ['src/'], 1],
        [8, 'stage-1', ['/app'], 0],
      ],
    );
    assert.deepEqual(j.files, ['.dockerignore', '.env', 'Dockerfile', 'node_modules/x/y.js', 'package.json', 'src/a.js']);
    assert.equal(j.rebuild, undefined);
  } finally {
    removeTree(root);
  }
});

test('--changed adds rebuild per stage with the first invalidated line', async () => {
  const root = project();
  try {
    const j = JSON.parse((await run(['context', root, '--json', '--changed', 'src/a.js'])).out);
    assert.deepEqual(
      j.rebuild.map((r: { stage: string; line: number | null }) => [r.stage, r.line]),
      [
        ['build', 5],
        ['stage-1', 8],
      ],
    );
  } finally {
    removeTree(root);
  }
});

test('--fix writes the additions under the user lines, and a second --fix adds nothing', async () => {
  const root = project();
  try {
    const first = await run(['context', root, '--fix']);
    assert.equal(first.code, 0);
    const text = readFileSync(join(root, '.dockerignore'), 'utf8');
    assert.ok(text.startsWith('# mine\nREADME.md\n'));
    assert.match(text, /# added by stagecraft\n/);
    assert.match(text, /^\*\*\/\.env$/m);
    assert.match(text, /^\*\*\/node_modules$/m);
    const second = await run(['context', root, '--fix']);
    assert.match(second.err, /nothing to add/);
    assert.equal(readFileSync(join(root, '.dockerignore'), 'utf8'), text);
    const j = JSON.parse((await run(['context', root, '--json'])).out);
    assert.deepEqual(j.findings.filter((f: { kind: string }) => f.kind !== 'pattern'), []);
  } finally {
    removeTree(root);
  }
});

test('exit codes: the filesystem root is a usage error; --strict fails on secrets', async () => {
  const r = await run(['context', '/']);
  assert.equal(r.code, 2);
  assert.match(r.err, /filesystem root/);
  const root = project();
  try {
    assert.equal((await run(['context', root, '--strict'])).code, 1);
    assert.equal((await run(['context', root, '--changed', 'a', '--git'])).code, 2);
  } finally {
    removeTree(root);
  }
});

test('the text report names what was sent, the findings and the cache map', async () => {
  const root = project();
  try {
    const { out } = await run(['context', root, '--changed', 'src/a.js']);
    assert.match(out, /sent: +6 files/);
    assert.match(out, /secret-env \.env/);
    assert.match(out, /\[build\] re-runs from line 5/);
  } finally {
    removeTree(root);
  }
});

test('--git: working tree changes against HEAD, relative to the context, renames both ways', (t) => {
  const root = makeTree({ 'app/Dockerfile': 'FROM debian:bookworm-slim\nCOPY . /app\n', 'app/a.txt': 'a', 'app/b.txt': 'b', 'other/c.txt': 'c' });
  const git = (...args: string[]) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  try {
    if (git('init', '-q').status !== 0) {
      t.skip('no git');
      return;
    }
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'init');
    writeFileSync(join(root, 'app/a.txt'), 'changed');
    git('mv', 'app/b.txt', 'app/renamed.txt');
    mkdirSync(join(root, 'app/new'));
    writeFileSync(join(root, 'app/new/n.txt'), 'n');
    writeFileSync(join(root, 'other/c.txt'), 'changed outside the context');
    assert.deepEqual(gitChangedPaths(join(root, 'app')), ['a.txt', 'b.txt', 'new/n.txt', 'renamed.txt']);
  } finally {
    removeTree(root);
  }
});

test('--changed: an absolute path inside the context counts as relative; one outside (or ../) rebuilds nothing and is named; -f a folder is a clear exit 2', async () => {
  const root = project();
  try {
    const [abs, outside, folder] = await cliBatch([
      { args: ['context', root, '--json', '--changed', join(root, 'src', 'a.js')] },
      { args: ['context', root, '--changed', '../elsewhere.js', '/etc/hostname'] },
      { args: ['context', root, '-f', join(root, 'src')] },
    ]);
    assert.equal(abs!.code, 0, abs!.stderr);
    const j = JSON.parse(abs!.stdout);
    assert.deepEqual(j.rebuild.map((r: { line: number | null }) => r.line), [5, 8]);
    assert.equal(outside!.code, 0, outside!.stderr);
    assert.match(outside!.stdout, /0 of \d+ steps re-run/);
    assert.match(outside!.stdout, /outside the build context.*\.\.\/elsewhere\.js, \/etc\/hostname/);
    assert.doesNotMatch(outside!.stdout, /takes the changed/);
    assert.equal(folder!.code, 2);
    assert.match(folder!.stderr, /is a folder, not a Dockerfile/);
    assert.doesNotMatch(folder!.stderr, /EISDIR/);
  } finally {
    removeTree(root);
  }
});
