import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { createMatcher, walkContext, findSecrets, findJunk, findPatternProblems } from '../../../src/context/index.js';
import { makeTree, removeTree } from './tree.js';

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';

test('secrets: env files, private keys by content, tokens in .npmrc/.pypirc, cloud credentials, PEM files', () => {
  const root = makeTree({
    '.env': 'A=1',
    '.env.production': 'A=2',
    '.env.example': 'A=',
    'config/.env.local': 'A=3',
    'deploy/id_ed25519': KEY,
    'deploy/server.key': '-----BEGIN RSA PRIVATE KEY-----\nx\n',
    'certs/ca.pem': '-----BEGIN CERTIFICATE-----\nx\n',
    'certs/tls.pem': '-----BEGIN PRIVATE KEY-----\nx\n',
    'notes/mykey': KEY,
    'README': 'not a key',
    '.npmrc': '//registry.npmjs.org/:_authToken=npm_abc\n',
    'pkg/.npmrc': 'save-exact=true\n',
    'ci/.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n',
    '.pypirc': '[pypi]\nusername = __token__\npassword = pypi-abc\n',
    '.aws/credentials': '[default]\naws_secret_access_key=x\n',
    'gcp-service-account.json': '{"type": "service_account", "private_key": "x"}',
    'package.json': '{}',
  });
  try {
    const w = walkContext(root, createMatcher(''));
    const found = Object.fromEntries(findSecrets(w.sent).map((f) => [f.path, f.code]));
    assert.deepEqual(found, {
      '.env': 'secret-env',
      '.env.production': 'secret-env',
      'config/.env.local': 'secret-env',
      'deploy/id_ed25519': 'secret-private-key',
      'deploy/server.key': 'secret-private-key',
      'certs/ca.pem': 'secret-pem',
      'certs/tls.pem': 'secret-private-key',
      'notes/mykey': 'secret-private-key',
      '.npmrc': 'secret-npmrc',
      '.pypirc': 'secret-pypirc',
      '.aws/credentials': 'secret-cloud',
      'gcp-service-account.json': 'secret-cloud',
    });
  } finally {
    removeTree(root);
  }
});

test('secrets the .dockerignore keeps out are not findings', () => {
  const root = makeTree({ '.env': 'A=1', 'app.js': '' });
  try {
    assert.deepEqual(findSecrets(walkContext(root, createMatcher('**/.env')).sent), []);
  } finally {
    removeTree(root);
  }
});

test('junk is grouped by folder or file family, with counts, bytes and the fix', () => {
  const root = makeTree({
    '.git/HEAD': 'ref',
    '.git/objects/ab': '1234',
    'node_modules/a/index.js': '12',
    'web/node_modules/b.js': '1',
    '.venv/bin/python': 'x',
    'tools/env/pyvenv.cfg': 'home=/usr',
    'tools/env/lib/x.py': 'x',
    'src/__pycache__/m.cpython-311.pyc': 'x',
    'logs/app.log': 'l',
    'npm-debug.log': 'l',
    'dist/main.js': 'x',
    'src/dist/keep.js': 'x',
    'src/app.ts': 'x',
  });
  try {
    const junk = findJunk(walkContext(root, createMatcher('')).sent);
    const by = Object.fromEntries(junk.map((j) => [j.path, [j.code, j.files, j.fix]]));
    assert.deepEqual(by['.git/'], ['junk-git', 2, '.git']);
    assert.deepEqual(by['node_modules/'], ['junk-node-modules', 1, '**/node_modules']);
    assert.deepEqual(by['web/node_modules/'], ['junk-node-modules', 1, '**/node_modules']);
    assert.deepEqual(by['.venv/'], ['junk-venv', 1, '.venv']);
    assert.deepEqual(by['tools/env/'], ['junk-venv', 2, '**/env']);
    assert.deepEqual(by['src/__pycache__/'], ['junk-cache', 1, '**/__pycache__']);
    assert.deepEqual(by['**/*.log'], ['junk-log', 2, '**/*.log']);
    assert.deepEqual(by['dist/'], ['junk-build-output', 1, 'dist']);
    assert.equal(by['src/dist/'], undefined, 'build outputs count only at the top');
    assert.equal(by['src/app.ts'], undefined);
  } finally {
    removeTree(root);
  }
});

test('a build output that a COPY names is not junk', () => {
  const root = makeTree({ 'dist/main.js': 'x' });
  try {
    assert.deepEqual(findJunk(walkContext(root, createMatcher('')).sent, (p) => p === 'dist'), []);
  } finally {
    removeTree(root);
  }
});

test('patterns that match nothing are reported with their line; parse errors too', () => {
  const root = makeTree({ 'node_modules/a.js': '', 'pkg/coverage/x': '', 'a.md': '' });
  try {
    const m = createMatcher('node_modules\ncoverage\n*.md\n.venv\n!\n');
    const problems = findPatternProblems(m, walkContext(root, m), '.dockerignore');
    const unused = problems.filter((p) => p.code === 'pattern-unused').map((p) => [p.path, p.line]);
    assert.deepEqual(unused, [
      ['coverage', 2],
      ['.venv', 4],
    ]);
    assert.match(problems.find((p) => p.path === 'coverage')!.message, /"\*\*\/coverage" would match below/);
    assert.doesNotMatch(problems.find((p) => p.path === '.venv')!.message, /would match/);
    assert.equal(problems.filter((p) => p.code === 'pattern-error').length, 1);
  } finally {
    removeTree(root);
  }
});

test('a 6 GB key file is sniffed by its first bytes only (sparse file: reading it whole would take minutes)', () => {
  const root = makeTree({});
  try {
    const path = join(root, 'backup_rsa');
    writeFileSync(path, '-----BEGIN RSA PRIVATE KEY-----\n');
    truncateSync(path, 6 * 1024 ** 3);
    const found = findSecrets(walkContext(root, createMatcher('')).sent);
    assert.deepEqual(found.map((f) => [f.path, f.code, f.bytes]), [['backup_rsa', 'secret-private-key', 6 * 1024 ** 3]]);
  } finally {
    removeTree(root);
  }
});
