import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, lineChanges, unifiedDiff } from '../../../src/lint/fix.js';

const MESSY = [
  '# syntax notes stay',
  'from node:20 as Build',
  '',
  '# deps',
  'run apt update && apt install -y --no-install-recommends curl \\',
  '',
  '    && rm -rf /var/lib/apt/lists/*',
  'RUN npm ci --only=production',
  'MAINTAINER Jane <j@example.com>',
  'ENV NODE_ENV production',
  'EXPOSE 3000/TCP',
  'CMD node server.js',
  '',
].join('\n');

test('--fix applies the safe fixes, keeps comments and blank lines, and is idempotent', () => {
  const r = fixText(MESSY, 'Dockerfile');
  assert.ok(r.changed);
  const expected = [
    '# syntax notes stay',
    'FROM node:20 AS build',
    '',
    '# deps',
    'RUN apt-get update && apt-get install -y --no-install-recommends curl \\',
    '    && rm -rf /var/lib/apt/lists/*',
    'RUN npm ci --omit=dev',
    'LABEL org.opencontainers.image.authors="Jane <j@example.com>"',
    'ENV NODE_ENV=production',
    'EXPOSE 3000/tcp',
    'CMD ["node", "server.js"]',
    '',
  ].join('\n');
  assert.equal(r.output, expected);
  const again = fixText(r.output, 'Dockerfile');
  assert.equal(again.output, r.output);
  assert.equal(again.applied, 0);
});

test('CRLF and BOM survive a fix', () => {
  const r = fixText('\ufeffFROM a:1\r\nUSER 1\r\nCMD node x.js\r\n', 'Dockerfile');
  assert.equal(r.output, '\ufeffFROM a:1\r\nUSER 1\r\nCMD ["node", "x.js"]\r\n');
});

test('a shell-syntax CMD is reported but not rewritten', () => {
  const r = fixText('FROM a:1\nUSER 1\nCMD node $APP\n', 'Dockerfile');
  assert.equal(r.changed, false);
  assert.ok(r.remaining.some((f) => f.ruleId === 'json-args-recommended'));
});

test('unifiedDiff shows the changed lines with context', () => {
  const d = unifiedDiff('Dockerfile', 'a\nb\nc\nd\n', 'a\nB\nc\nd\n');
  assert.match(d, /^--- Dockerfile\n\+\+\+ Dockerfile \(fixed\)\n@@ -1,4 \+1,4 @@\n a\n-b\n\+B\n c\n d\n/);
  assert.equal(unifiedDiff('x', 'same', 'same'), '');
});

/** Applies a unified diff strictly: every context and removed line must match, hunks in order. */
function applyDiff(before: string, diff: string): string {
  const a = before.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let pos = 0;
  const lines = diff.replace(/\n$/, '').split('\n').slice(2);
  for (let k = 0; k < lines.length; ) {
    const h = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[k]!);
    assert.ok(h, `hunk header: ${lines[k]}`);
    const start = Number(h[1]) - 1;
    assert.ok(start >= pos, 'hunks overlap');
    out.push(...a.slice(pos, start));
    pos = start;
    let oldN = 0;
    let newN = 0;
    for (k++; k < lines.length && !lines[k]!.startsWith('@@'); k++) {
      const l = lines[k]!;
      if (l[0] === '+') (out.push(l.slice(1)), newN++);
      else {
        assert.equal(a[pos], l.slice(1), `line ${pos + 1}`);
        if (l[0] === ' ') (out.push(l.slice(1)), newN++);
        pos++;
        oldN++;
      }
    }
    assert.equal(oldN, Number(h[2]));
    assert.equal(newN, Number(h[4]));
  }
  return `${[...out, ...a.slice(pos)].join('\n')}\n`;
}

test('--fix-dry-run diff: nearby fixes share one hunk, so the patch applies (hunks used to overlap)', () => {
  const before = '# escape=`\nFROM node:20-slim as Build\nmaintainer "Jane <j@x>"\nENV A 1\nRUN npm install `\n    # a comment inside\n    --only=production `\n\n    && echo done\nfrom build\nUSER node\nENV B "two words"\nexpose 80/TCP\nCMD npm start\n';
  const fixed = fixText(before, 'Dockerfile').output;
  assert.notEqual(fixed, before);
  const d = unifiedDiff('Dockerfile', before, fixed);
  assert.equal(applyDiff(before, d), fixed);
  assert.ok(!/^ $/m.test(d.split('\n').slice(-3).join('\n')), 'no phantom empty line after the final newline');
  const far = `FROM node:20-slim\n${'RUN true\n'.repeat(12)}expose 80/TCP\nUSER node\n`;
  const fixedFar = fixText(far, 'Dockerfile').output;
  const d2 = unifiedDiff('Dockerfile', far, fixedFar);
  assert.equal(applyDiff(far, d2), fixedFar);
});

test('every fixable rule: its docs "Bad" example fixes the same in CRLF as in LF, and a second --fix changes nothing', async () => {
  const { readFileSync } = await import('node:fs');
  const { rules } = await import('../../../src/lint/registry.js');
  const severities = new Map(rules.map((r) => [r.id, r.severity]));
  for (const r of rules.filter((x) => x.fixable)) {
    const md = readFileSync(new URL(`../../../docs/rules/${r.id}.md`, import.meta.url), 'utf8');
    const bad = /## Bad\s*```dockerfile\n([\s\S]*?)```/.exec(md)![1]!;
    const lf = fixText(bad, 'Dockerfile', { severities });
    assert.ok(lf.changed, `${r.id}: the Bad example is fixed`);
    assert.equal(fixText(lf.output, 'Dockerfile', { severities }).changed, false, `${r.id}: idempotent`);
    assert.equal(fixText(bad.replace(/\n/g, '\r\n'), 'Dockerfile', { severities }).output, lf.output.replace(/\n/g, '\r\n'), `${r.id}: CRLF`);
  }
});

test('--fix-dry-run diff of a file without a final newline carries the "No newline" marker (patch added one)', () => {
  const before = 'FROM node:20-slim\nUSER node\ncmd node';
  const after = fixText(before, 'Dockerfile').output;
  assert.equal(after, 'FROM node:20-slim\nUSER node\nCMD ["node"]');
  const d = unifiedDiff('Dockerfile', before, after);
  assert.match(d, /\n-cmd node\n\\ No newline at end of file\n\+CMD \["node"\]\n\\ No newline at end of file\n$/);
  assert.doesNotMatch(unifiedDiff('Dockerfile', `${before}\n`, `${after}\n`), /No newline/);
});

test('--fix-dry-run diff: seven changed lines in a row do not mark the rest of the file as changed', () => {
  const before = `FROM node:20-slim\n${Array.from({ length: 8 }, (_, k) => `ENV K${k} v${k}`).join('\n')}\nUSER 1\nCMD ["x"]\n`;
  const after = fixText(before, 'Dockerfile').output;
  const d = unifiedDiff('Dockerfile', before, after);
  assert.equal(applyDiff(before, d), after);
  assert.match(d, /\n USER 1\n CMD \["x"\]\n$/);
  assert.doesNotMatch(d, /^-USER 1$/m);
  assert.deepEqual(lineChanges(['a', 'b', 'c'], ['a', 'x', 'c', 'd']), [{ i: 1, j: 1, del: ['b'], add: ['x'] }, { i: 3, j: 3, del: [], add: ['d'] }]);
});
