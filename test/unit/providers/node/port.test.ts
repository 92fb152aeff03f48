import { test } from 'node:test';
import assert from 'node:assert/strict';
import { portScanCandidates, scanPort } from '../../../../src/providers/node/port.js';
import { project } from './helpers.js';

const scan = (text: string) => scanPort(project({ 'server.js': text }), ['server.js']);

test('listen(NNNN), PORT || NNNN, PORT ?? NNNN', () => {
  assert.deepEqual(scan('app.listen(8081)'), { port: 8081, file: 'server.js', readsPortEnv: false });
  assert.deepEqual(scan('const port = process.env.PORT || 4000;'), { port: 4000, file: 'server.js', readsPortEnv: true });
  assert.equal(scan("const port = Number(process.env.PORT ?? '5000');").port, 5000);
  assert.equal(scan('server.listen( "7000", () => {})').port, 7000);
  assert.equal(scan('const port = 9090\napp.listen(port)').port, 9090);
});

test('an app that reads PORT without a literal is noted, not guessed', () => {
  assert.deepEqual(scan('app.listen(process.env.PORT)'), { readsPortEnv: true });
  assert.deepEqual(scan('console.log(1)'), { readsPortEnv: false });
});

test('missing files are skipped; the first file with a port wins', () => {
  const p = project({ 'src/server.ts': 'app.listen(3333)', 'server.js': 'listen(1111)' });
  assert.equal(scanPort(p, ['dist/server.js', 'src/server.ts', 'server.js']).port, 3333);
});

test('a compiled start file is scanned through its TypeScript source', () => {
  const c = portScanCandidates('dist/server.js', 'dist', 'src');
  assert.equal(c[0], 'dist/server.js');
  assert.ok(c.includes('src/server.ts'));
  assert.ok(portScanCandidates('build/app/main.js', 'build', undefined).includes('src/app/main.ts'));
  assert.ok(portScanCandidates(undefined, undefined, undefined).includes('index.js'));
});
