import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { execPath } from 'node:process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMatcher, walkContext, displayName } from '../../../src/context/index.js';
import { makeTree, removeTree } from './tree.js';

const paths = (root: string, ignore: string): string[] => walkContext(root, createMatcher(ignore)).sent.map((s) => s.path);

test('sends what the patterns keep, sorted, with / separators and sizes', () => {
  const root = makeTree({ 'a.txt': 'aaa', 'src/b.ts': 'bb', 'node_modules/x/i.js': 'x', 'pkg/node_modules/y.js': 'y' });
  try {
    const w = walkContext(root, createMatcher('node_modules'));
    assert.deepEqual(w.sent.map((s) => [s.path, s.size]), [
      ['a.txt', 3],
      ['pkg/node_modules/y.js', 1],
      ['src/b.ts', 2],
    ]);
    assert.equal(w.sentBytes, 6);
    assert.deepEqual(w.prunedDirs, ['node_modules']);
    assert.deepEqual(w.excluded, { files: 1, bytes: 1 }, 'pruned folders are still counted for the report');
  } finally {
    removeTree(root);
  }
});

test('BuildKit pruning: ignore_me/ then !**test walks the folder and sends ignore_me/test', () => {
  const root = makeTree({ 'ignore_me/test': 't', 'ignore_me/other': 'o', 'ignore_me/deep/test': 'd' });
  try {
    const w = walkContext(root, createMatcher('ignore_me/\n!**test'));
    assert.deepEqual(w.sent.map((s) => s.path), ['ignore_me/deep/test', 'ignore_me/test']);
    assert.deepEqual(w.prunedDirs, []);
  } finally {
    removeTree(root);
  }
});

test('an exception inside an excluded folder keeps the folder walked; others are pruned', () => {
  const root = makeTree({ 'dir/keep/x': 'x', 'dir/other/y': 'y', 'dir/z': 'z' });
  try {
    const w = walkContext(root, createMatcher('dir/*\n!dir/keep/'));
    assert.deepEqual(w.sent.map((s) => s.path), ['dir/keep/x']);
    assert.deepEqual(w.prunedDirs, ['dir/other']);
  } finally {
    removeTree(root);
  }
});

test('the walk agrees with the matcher for every path of a mixed tree', () => {
  const spec: Record<string, string> = {};
  for (const d of ['a', 'a/b', 'a/b/c', 'docs', 'node_modules/p', 'pkg/node_modules', 'dist', 'x/dist']) {
    for (const f of ['README.md', 'x.md', 'y.log', 'z.ts']) spec[`${d}/${f}`] = f;
  }
  const ignore = '**/*.md\n!README.md\n**/node_modules\ndist\n*.log\n!a/b/**';
  const root = makeTree(spec);
  try {
    const m = createMatcher(ignore);
    const expected = Object.keys(spec).filter((p) => !m.ignores(p)).sort();
    assert.deepEqual(paths(root, ignore), expected);
  } finally {
    removeTree(root);
  }
});

test('links are sent as links, never followed; loops and links outside are reported', () => {
  const root = makeTree({
    'real/file.txt': 'x',
    'up': { link: '..' },
    'pw': { link: '/etc/passwd' },
    'loop1': { link: 'loop2' },
    'loop2': { link: 'loop1' },
    'dangling': { link: 'nothing-here' },
    'inside': { link: 'real/file.txt' },
    'dirlink': { link: 'real' },
  });
  try {
    const w = walkContext(root, createMatcher(''));
    const kinds = Object.fromEntries(w.problems.map((p) => [p.path, p.kind]));
    assert.equal(kinds.up, 'link-outside');
    assert.equal(kinds.pw, 'link-outside');
    assert.equal(kinds.loop1, 'link-loop');
    assert.equal(kinds.loop2, 'link-loop');
    assert.equal(kinds.dangling, 'link-broken');
    assert.equal(kinds.inside, undefined);
    assert.equal(kinds.dirlink, undefined);
    assert.ok(!w.sent.some((s) => s.path.startsWith('dirlink/')), 'a link to a folder is not entered');
    assert.equal(w.sent.find((s) => s.path === 'up')!.kind, 'symlink');
  } finally {
    removeTree(root);
  }
});

test('names that are not UTF-8 are walked, reported and shown with \\x escapes', () => {
  const root = makeTree({ 'ok.txt': 'x' });
  try {
    const bad = Buffer.concat([Buffer.from(root), Buffer.from('/bad'), Buffer.from([0xff, 0xfe]), Buffer.from('name')]);
    writeFileSync(bad, 'hello');
    const badDir = Buffer.concat([Buffer.from(root), Buffer.from('/d'), Buffer.from([0xe9])]);
    mkdirSync(badDir);
    writeFileSync(Buffer.concat([badDir, Buffer.from('/inner.txt')]), 'abc');
    const w = walkContext(root, createMatcher(''));
    const sent = Object.fromEntries(w.sent.map((s) => [s.path, s.size]));
    assert.equal(sent['bad\\xff\\xfename'], 5);
    assert.equal(sent['d\\xe9/inner.txt'], 3);
    assert.ok(w.problems.some((p) => p.kind === 'non-utf8-name' && p.path === 'bad\\xff\\xfename'));
  } finally {
    removeTree(root);
  }
});

test('displayName keeps valid UTF-8 and escapes the rest', () => {
  assert.equal(displayName(Buffer.from('héllo')), 'héllo');
  assert.equal(displayName(Buffer.from([0x61, 0xff, 0x62])), 'a\\xffb');
});

test('pipes are reported as special and not sent', () => {
  const root = makeTree({ 'a.txt': 'x' });
  try {
    const r = spawnSync('mkfifo', [join(root, 'fifo')]);
    if (r.status !== 0) return; // no mkfifo on this machine: nothing to check
    const w = walkContext(root, createMatcher(''));
    assert.deepEqual(w.sent.map((s) => s.path), ['a.txt']);
    assert.ok(w.problems.some((p) => p.kind === 'special' && p.path === 'fifo'));
  } finally {
    removeTree(root);
  }
});

test('a deep tree (1,500 levels) does not overflow the stack', () => {
  const root = makeTree({});
  try {
    let dir = root;
    for (let i = 0; i < 1500; i++) dir = join(dir, 'd');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'leaf'), 'x');
    const w = walkContext(root, createMatcher(''));
    assert.equal(w.sent.length, 1);
    assert.equal(w.sent[0]!.path.split('/').length, 1501);
  } finally {
    removeTree(root);
  }
});

test('a several-GB file is counted by its size, never read (sparse file)', () => {
  const root = makeTree({});
  try {
    const big = join(root, 'disk.key');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 6 * 1024 ** 3);
    closeSync(fd);
    const w = walkContext(root, createMatcher(''));
    assert.equal(w.sent[0]!.size, 6 * 1024 ** 3);
  } finally {
    removeTree(root);
  }
});

// Unreadable folders and files: root reads everything, so the walk runs as `nobody` in a child.
test('unreadable folders and files are reported and the walk goes on', (t) => {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    t.skip('needs root to run the walk as another user');
    return;
  }
  const root = makeTree({ 'open/a.txt': 'a', 'locked/b.txt': 'b', 'secret.txt': 's', 'z.txt': 'z' });
  try {
    chmodSync(root, 0o755);
    chmodSync(join(root, 'open'), 0o755);
    chmodSync(join(root, 'open/a.txt'), 0o644);
    chmodSync(join(root, 'z.txt'), 0o644);
    chmodSync(join(root, 'locked'), 0o700);
    chmodSync(join(root, 'secret.txt'), 0o600);
    const script = fileURLToPath(new URL('./walk-as-child.ts', import.meta.url));
    const r = spawnSync(execPath, ['--import', 'tsx', script, root], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: fileURLToPath(new URL('../../..', import.meta.url)) });
    if (r.status !== 0 && /EACCES|permission/i.test(r.stderr) && !r.stdout) {
      t.skip(`cannot run node as nobody here: ${r.stderr.split('\n')[0]}`);
      return;
    }
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { sent: string[]; problems: { kind: string; path: string }[] };
    assert.deepEqual(out.sent, ['open/a.txt', 'secret.txt', 'z.txt']);
    assert.ok(out.problems.some((p) => p.kind === 'unreadable' && p.path === 'locked/'));
    assert.ok(out.problems.some((p) => p.kind === 'unreadable' && p.path === 'secret.txt'));
  } finally {
    removeTree(root);
  }
});

test('pruned folders are counted the same on the worker thread and inline', () => {
  const spec: Record<string, string> = { 'src/a.ts': 'a' };
  for (let i = 0; i < 30; i++) spec[`node_modules/p${i}/index.js`] = 'x'.repeat(i);
  spec['.git/objects/ab/cd'] = '1234';
  const root = makeTree(spec);
  try {
    writeFileSync(Buffer.concat([Buffer.from(`${root}/node_modules/`), Buffer.from([0xff]), Buffer.from('.js')]), 'abc');
    const m = createMatcher('node_modules\n.git');
    const inWorker = walkContext(root, m, { measureInWorker: true });
    const inline = walkContext(root, m, { measureInWorker: false });
    assert.deepEqual(inWorker.excluded, { files: 32, bytes: 435 + 4 + 3 });
    assert.deepEqual(inline.excluded, inWorker.excluded);
    assert.deepEqual([...inline.excludedBy], [...inWorker.excludedBy]);
  } finally {
    removeTree(root);
  }
});
