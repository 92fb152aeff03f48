import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMatcher, parseDockerignore, cleanPattern } from '../../../src/context/index.js';

const sent = (lines: string[], path: string): boolean => !createMatcher(lines.join('\n')).ignores(path);

// The table of ../shared/knowledge/dockerignore.md, one test per row and path (BuildKit's answers).
const table: Array<[string[], string, boolean]> = [
  [['node_modules'], 'node_modules/a.js', false],
  [['node_modules'], 'pkg/node_modules/a.js', true],
  [['**/node_modules'], 'pkg/node_modules/a.js', false],
  [['*.md', '!README.md'], 'README.md', true],
  [['*.md', '!README.md'], 'docs/x.md', true],
  [['**/*.md', '!README.md'], 'docs/x.md', false],
  [['**/*.md', '!README.md'], 'README.md', true],
  [['*', '!src'], 'src/a.ts', true],
  [['*', '!src'], 'package.json', false],
  [['dir/*', '!dir/keep/'], 'dir/keep/x', true],
  [['dir/*', '!dir/keep/'], 'dir/other', false],
  [['#comment'], '#comment', true],
  [[' #x'], '#x', false],
  [['ignore_me/', '!**test'], 'ignore_me/test', true],
];
for (const [lines, path, expected] of table) {
  test(`${JSON.stringify(lines)}: ${path} is ${expected ? 'sent' : 'not sent'}`, () => {
    assert.equal(sent(lines, path), expected);
  });
}

test('ignore_me/ then !**test: the folder cannot be pruned (wildcard exception), so the file is found', () => {
  const m = createMatcher('ignore_me/\n!**test');
  assert.equal(m.ignores('ignore_me', true), true);
  assert.equal(m.canPruneDir('ignore_me'), false);
  assert.equal(m.ignores('ignore_me/other'), true);
});

test('reading: BOM, column-0 comments, trimming, blank lines, bare ! is an error', () => {
  const { patterns, errors } = parseDockerignore('\uFEFFa\n#c\n  b  \n\n!\n! c\r\n');
  assert.deepEqual(
    patterns.map((p) => [p.pattern, p.exception, p.line]),
    [
      ['a', false, 1],
      ['b', false, 3],
      ['c', true, 6],
    ],
  );
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 5);
});

test('cleaning: /a, a/, ./a all mean a; a pattern that cleans to . is dropped', () => {
  assert.equal(cleanPattern('/a'), 'a');
  assert.equal(cleanPattern('a/'), 'a');
  assert.equal(cleanPattern('./a'), 'a');
  assert.equal(cleanPattern('a//b/../c'), 'a/c');
  assert.deepEqual(parseDockerignore('.\n./\n/').patterns, []);
  for (const p of ['/a', 'a/', './a']) assert.equal(createMatcher(p).ignores('a/x'), true);
});

test('* and ? do not cross /; ** matches zero or more folders; trailing ** matches everything below', () => {
  const m = createMatcher('a/*.js\nb/?.txt\nc/**/d\ne/**');
  assert.equal(m.ignores('a/x.js'), true);
  assert.equal(m.ignores('a/sub/x.js'), false);
  assert.equal(m.ignores('b/1.txt'), true);
  assert.equal(m.ignores('b/12.txt'), false);
  assert.equal(m.ignores('c/d'), true);
  assert.equal(m.ignores('c/x/y/d'), true);
  assert.equal(m.ignores('c/x/y/dd'), false);
  assert.equal(m.ignores('e/x/y'), true);
  assert.equal(m.ignores('e'), false);
});

test('a pattern matches a path through any parent folder', () => {
  const m = createMatcher('build');
  assert.equal(m.ignores('build/x/y/z.o'), true);
  assert.equal(m.ignores('src/build'), false);
});

test('the last matching line wins: exclude, re-include, exclude again', () => {
  const m = createMatcher('logs\n!logs/keep\nlogs/keep/tmp');
  assert.equal(m.ignores('logs/a'), true);
  assert.equal(m.ignores('logs/keep/a'), false);
  assert.equal(m.ignores('logs/keep/tmp/a'), true);
});

test('matching is case-sensitive, as on Linux', () => {
  assert.equal(createMatcher('README.md').ignores('readme.md'), false);
});

test('character classes and escapes follow Go filepath.Match', () => {
  const m = createMatcher('[ab].txt\n[^x]y\n\\*star\nf[*]');
  assert.equal(m.ignores('a.txt'), true);
  assert.equal(m.ignores('c.txt'), false);
  assert.equal(m.ignores('zy'), true);
  assert.equal(m.ignores('xy'), false);
  assert.equal(m.ignores('*star'), true);
  assert.equal(m.ignores('xstar'), false);
  assert.equal(m.ignores('f*'), true);
  assert.equal(m.ignores('fx'), false);
});

test('regex metacharacters in names are literal (no crash on "(")', () => {
  const m = createMatcher('a+b\nfoo(\nx|y\n{1}\n\\d');
  assert.equal(m.ignores('a+b'), true);
  assert.equal(m.ignores('aab'), false);
  assert.equal(m.ignores('foo('), true);
  assert.equal(m.ignores('x|y'), true);
  assert.equal(m.ignores('x'), false);
  assert.equal(m.ignores('{1}'), true);
  assert.equal(m.ignores('d'), true);
});

test('an unterminated character class is reported, not thrown', () => {
  const { patterns, errors } = parseDockerignore('ok\n[abc\n');
  assert.deepEqual(patterns.map((p) => p.pattern), ['ok']);
  assert.equal(errors[0]!.line, 2);
});

test('canPruneDir: BuildKit prunes only when no exception can match inside', () => {
  assert.equal(createMatcher('node_modules').canPruneDir('node_modules'), true);
  assert.equal(createMatcher('node_modules').canPruneDir('src'), false, 'not excluded: walked');
  assert.equal(createMatcher('dir/*\n!dir/keep/').canPruneDir('dir/other'), true);
  assert.equal(createMatcher('dir\n!dir/keep').canPruneDir('dir'), false, 'an exception names a path inside');
  assert.equal(createMatcher('dir\n!dirx').canPruneDir('dir'), true, 'a sibling with a common prefix is not inside');
  assert.equal(createMatcher('dir\n!*.md').canPruneDir('dir'), false, 'a wildcard exception: walk everything');
});

test('decidingPattern names the last line that matches', () => {
  const m = createMatcher('*.log\n!keep.log\n**/*.log');
  assert.equal(m.decidingPattern('a/b.log')!.line, 3);
  assert.equal(m.decidingPattern('x.txt'), undefined);
  assert.equal(m.decidingPattern('keep.log')!.line, 3);
});

test('paths are normalised: ./ prefix and trailing /', () => {
  const m = createMatcher('node_modules');
  assert.equal(m.ignores('./node_modules/'), true);
  assert.equal(m.ignores('.'), false);
});

test('the walker\'s incremental verdicts (with the literal and **/name shortcuts) equal ignores() on a corpus', () => {
  const ignore = '.git\n**/node_modules\n**/*.log\n**/.env.*\ndist\n!dist/keep\n*.md\n!README.md\na/**/b\n**/x?z\n[ab]*/c\n**/deep/*.tmp';
  const m = createMatcher(ignore);
  const names = ['.git', 'node_modules', 'a.log', '.env.local', 'dist', 'keep', 'README.md', 'x.md', 'a', 'b', 'xyz', 'c', 'deep', 'q.tmp', 'src'];
  const paths: string[] = [];
  const grow = (prefix: string, depth: number): void => {
    for (const n of names) {
      const p = prefix ? `${prefix}/${n}` : n;
      paths.push(p);
      if (depth < 2) grow(p, depth + 1);
    }
  };
  grow('', 0);
  let checked = 0;
  for (const p of paths) {
    const segs = p.split('/');
    let state;
    for (let i = 1; i < segs.length; i++) state = m.evaluate(segs.slice(0, i).join('/'), state);
    assert.equal(m.evaluate(p, state).excluded, m.ignores(p), p);
    assert.equal(m.excludedUnder(p, state), m.ignores(p), p);
    checked++;
  }
  assert.equal(checked, 15 + 15 ** 2 + 15 ** 3);
});
