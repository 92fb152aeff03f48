import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectStartCommand, parseNodeScript } from '../../../../src/providers/node/start-command.js';
import { project } from './helpers.js';

test('parses node [flags] file [args] out of a start script', () => {
  assert.deepEqual(parseNodeScript('node server.js'), { argv: ['server.js'], file: 'server.js' });
  assert.deepEqual(parseNodeScript('node ./dist/index.js --verbose'), { argv: ['./dist/index.js', '--verbose'], file: 'dist/index.js' });
  assert.deepEqual(parseNodeScript('node --enable-source-maps -r dotenv/config dist/main.js'), {
    argv: ['--enable-source-maps', '-r', 'dotenv/config', 'dist/main.js'],
    file: 'dist/main.js',
  });
});

test('anything that is not plain node is refused (the image has no npm, nodemon, shell)', () => {
  for (const s of ['nodemon server.js', 'ts-node src/index.ts', 'NODE_ENV=production node x.js', 'node a.js && node b.js', 'next start', 'npm run serve', 'node $ENTRY', 'node --inspect']) {
    assert.equal(parseNodeScript(s), undefined, s);
  }
});

test('scripts.start first', () => {
  const p = project({ 'server.js': '', 'index.js': '' });
  assert.deepEqual(detectStartCommand(p, { scripts: { start: 'node index.js' } }, undefined), { file: 'index.js', argv: ['index.js'], source: 'scripts.start' });
});

test('`node .` runs main; a folder runs its index.js', () => {
  const p = project({ 'lib/app.js': '', 'srv/index.js': '' });
  assert.equal(detectStartCommand(p, { main: 'lib/app.js', scripts: { start: 'node .' } }, undefined)?.file, 'lib/app.js');
  assert.deepEqual(detectStartCommand(p, { scripts: { start: 'node srv' } }, undefined)?.argv, ['srv/index.js']);
});

test('main when it names an existing file, or a file the build writes', () => {
  assert.deepEqual(detectStartCommand(project({ 'app/main.js': '' }), { main: 'app/main.js' }, undefined)?.source, 'main');
  assert.equal(detectStartCommand(project({}), { main: 'dist/index.js' }, 'dist')?.file, 'dist/index.js');
  assert.equal(detectStartCommand(project({}), { main: 'dist/index.js' }, undefined), undefined);
});

test('a start script that is not node falls through to main and file names', () => {
  const p = project({ 'server.js': '' });
  assert.deepEqual(detectStartCommand(p, { scripts: { start: 'nodemon server.js' } }, undefined), { file: 'server.js', argv: ['server.js'], source: 'server.js' });
  assert.equal(detectStartCommand(project({ 'index.js': '' }), {}, undefined)?.file, 'index.js');
  assert.equal(detectStartCommand(project({ 'server.js': '', 'index.js': '' }), {}, undefined)?.file, 'server.js');
});

test('with a build and no start: src/<name>.ts maps to the output folder', () => {
  assert.deepEqual(detectStartCommand(project({ 'src/server.ts': '' }), { scripts: { build: 'tsc' } }, 'dist'), {
    file: 'dist/server.js',
    argv: ['dist/server.js'],
    source: 'src/server.ts built to dist/server.js',
  });
});

test('nothing found: undefined (the plan asks for --cmd)', () => {
  assert.equal(detectStartCommand(project({ 'lib/x.js': '' }), { scripts: { start: 'react-scripts start' } }, undefined), undefined);
});
