import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, unifiedDiff } from '../../../src/lint/fix.js';

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
