import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBatch } from './cli-batch.js';

const fixtures = fileURLToPath(new URL('../../fixtures/apps/', import.meta.url));

function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sc-init-edge-${name}-`));
  cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}

describe('stagecraft init on hostile inputs (CLI)', () => {
  it('a Dockerfile or .dockerignore that is a folder: exit 1 even with --force, a clear message, nothing written', async () => {
    const a = copyFixture('node-express');
    mkdirSync(join(a, 'Dockerfile'));
    const b = copyFixture('node-express');
    mkdirSync(join(b, '.dockerignore'));
    const before = readdirSync(b).sort();
    const [ra, rb, stdout] = await cliBatch([{ args: ['init', a, '--force'] }, { args: ['init', b, '--force'] }, { args: ['init', b, '--stdout'] }]);
    assert.equal(ra!.code, 1, ra!.stderr);
    assert.match(ra!.stderr, /Dockerfile is a folder.*even with --force/);
    assert.match(ra!.stderr, /hint: pass -f/);
    assert.doesNotMatch(ra!.stderr, /EISDIR|internal error|\n\s+at /);
    assert.equal(rb!.code, 1, rb!.stderr);
    assert.match(rb!.stderr, /\.dockerignore is a folder/);
    assert.deepEqual(readdirSync(b).sort(), before, 'no Dockerfile written beside the folder');
    assert.equal(stdout!.code, 0, stdout!.stderr);
    assert.match(stdout!.stdout, /^FROM /m);
  });

  it('a write that fails (a file where a folder of the path should be): exit 2 naming the target, no temp file, nothing half-written', async () => {
    const dir = copyFixture('node-express');
    const before = readdirSync(dir).sort();
    const [r] = await cliBatch([{ args: ['init', dir, '-f', 'server.js/Dockerfile'] }]);
    assert.equal(r!.code, 2, r!.stderr);
    assert.match(r!.stderr, /server\.js\/Dockerfile: cannot write: a part of the path is a file/);
    assert.doesNotMatch(r!.stderr, /\.tmp|internal error/);
    assert.deepEqual(readdirSync(dir).sort(), before, 'no .dockerignore written when the Dockerfile could not be');
  });

  it('-f sub/Dockerfile.prod writes there, keeps the .dockerignore at the context, and the header says how to build it', async () => {
    const dir = copyFixture('node-express');
    const [r] = await cliBatch([{ args: ['init', dir, '--file', 'sub/Dockerfile.prod'] }]);
    assert.equal(r!.code, 0, r!.stderr);
    const text = readFileSync(join(dir, 'sub', 'Dockerfile.prod'), 'utf8');
    assert.match(text, /docker build -f sub\/Dockerfile\.prod \./);
    assert.ok(readdirSync(dir).includes('.dockerignore'));
  });

  it('--force twice is idempotent: the CRLF .dockerignore keeps its bytes and does not grow; the .bak holds the user file', async () => {
    const dir = copyFixture('node-express');
    const user = '\uFEFF# mine\r\nsecrets/\r\n!README.md\r\n';
    writeFileSync(join(dir, '.dockerignore'), user);
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    const [first, second] = await cliBatch([{ args: ['init', dir, '--force'] }, { args: ['init', dir, '--force'] }]);
    assert.equal(first!.code, 0, first!.stderr);
    const ignore = readFileSync(join(dir, '.dockerignore'), 'utf8');
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    assert.ok(ignore.startsWith(user), JSON.stringify(ignore.slice(0, 50)));
    assert.doesNotMatch(ignore, /[^\r]\n/);
    assert.equal(second!.code, 0, second!.stderr);
    assert.doesNotMatch(second!.stderr, /wrote .*\.dockerignore/, 'nothing to add the second time');
    assert.equal(readFileSync(join(dir, '.dockerignore'), 'utf8'), ignore);
    assert.equal(readFileSync(join(dir, 'Dockerfile'), 'utf8'), dockerfile);
    assert.equal(readFileSync(join(dir, 'Dockerfile.bak'), 'utf8'), 'FROM scratch\n', 'the second run did not overwrite the .bak with the generated file');
  });

  it('wrong-typed package.json: an array exits 2 naming the file; "main": 42 is ignored, not an internal error', async () => {
    const arr = mkdtempSync(join(tmpdir(), 'sc-init-edge-'));
    writeFileSync(join(arr, 'package.json'), '[]');
    const odd = mkdtempSync(join(tmpdir(), 'sc-init-edge-'));
    writeFileSync(join(odd, 'package.json'), '{"name":"x","main":42,"scripts":{"start":5}}');
    writeFileSync(join(odd, 'index.js'), '');
    const [ra, ro] = await cliBatch([{ args: ['init', arr, '--stdout'] }, { args: ['init', odd, '--stdout'] }]);
    assert.equal(ra!.code, 2, ra!.stderr);
    assert.match(ra!.stderr, /package\.json: not a JSON object \(found an array\)/);
    assert.equal(ro!.code, 0, ro!.stderr);
    assert.match(ro!.stdout, /CMD \[.*"index\.js"\]/);
  });

  it('go.mod and package.json together: Go wins as documented, a note says so, --stack node overrides', async () => {
    const dir = copyFixture('go-cmd');
    cpSync(join(fixtures, 'node-express', 'package.json'), join(dir, 'package.json'));
    cpSync(join(fixtures, 'node-express', 'server.js'), join(dir, 'server.js'));
    const [go, node] = await cliBatch([{ args: ['init', dir, '--json'] }, { args: ['init', dir, '--json', '--stack', 'node'] }]);
    assert.equal(go!.code, 0, go!.stderr);
    const plan = JSON.parse(go!.stdout);
    assert.equal(plan.stack, 'go');
    assert.ok(plan.notes.some((n: string) => /also found package\.json \(node\).*--stack node/.test(n)), plan.notes.join('\n'));
    assert.equal(node!.code, 0, node!.stderr);
    assert.equal(JSON.parse(node!.stdout).stack, 'node');
  });

  it('flag values: --node-version banana exits 2 like --go-version 1 and --python-version 2.7', async () => {
    const [n, g, p] = await cliBatch([
      { args: ['init', join(fixtures, 'node-express'), '--stdout', '--node-version', 'banana'] },
      { args: ['init', join(fixtures, 'go-cmd'), '--stdout', '--go-version', '1'] },
      { args: ['init', join(fixtures, 'python-pip'), '--stdout', '--python-version', '2.7'] },
    ]);
    for (const r of [n, g, p]) {
      assert.equal(r!.code, 2, r!.stderr);
      assert.equal(r!.stdout, '');
    }
    assert.match(n!.stderr, /--node-version banana: not a Node\.js version/);
  });

  it('a go.mod with a syntax error: exit 2 with file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-init-edge-'));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/x\n\ngo banana\n');
    writeFileSync(join(dir, 'main.go'), 'package main\nfunc main() {}\n');
    const [r] = await cliBatch([{ args: ['init', dir] }]);
    assert.equal(r!.code, 2, r!.stderr);
    assert.match(r!.stderr, /go\.mod:3: invalid go version 'banana'/);
    assert.deepEqual(readdirSync(dir).sort(), ['go.mod', 'main.go']);
  });
});

describe('a Dockerfile that is a symbolic link', () => {
  it('--force replaces the link with a file, leaves its target alone, keeps the old text in .bak, and says so', async () => {
    const dir = copyFixture('node-express');
    const target = join(dir, '..', `${dir.split('/').pop()}-shared.Dockerfile`);
    writeFileSync(target, 'FROM shared\n');
    symlinkSync(target, join(dir, 'Dockerfile'));
    const [r] = await cliBatch([{ args: ['init', dir, '--force'] }]);
    assert.equal(r!.code, 0, r!.stderr);
    assert.match(r!.stderr, /Dockerfile was a symbolic link \(to .*shared\.Dockerfile\): replaced by a regular file/);
    assert.equal(readFileSync(target, 'utf8'), 'FROM shared\n');
    assert.ok(!lstatSync(join(dir, 'Dockerfile')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'Dockerfile.bak'), 'utf8'), 'FROM shared\n');
  });
});

describe('init names the build that works', () => {
  it('a workspace package: the hint builds the workspace root with -f (stagecraft build <package> alone would fail)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sc-init-edge-ws-'));
    cpSync(join(fixtures, 'node-workspace'), root, { recursive: true });
    const plain = copyFixture('node-express');
    const [ws, simple] = await cliBatch([{ args: ['init', join(root, 'packages', 'api')], cwd: root }, { args: ['init', '.'], cwd: plain }]);
    assert.equal(ws!.code, 0, ws!.stderr);
    assert.match(ws!.stderr, /^next: stagecraft build \. -f packages\/api\/Dockerfile --compare-naive$/m);
    assert.equal(simple!.code, 0, simple!.stderr);
    assert.match(simple!.stderr, /^next: stagecraft build \. --compare-naive$/m);
  });
});
