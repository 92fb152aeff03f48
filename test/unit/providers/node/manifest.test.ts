import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryProject } from '../../../../src/project/project.js';
import { readManifest } from '../../../../src/providers/node/manifest.js';
import { nodeProvider } from '../../../../src/providers/node/index.js';
import { bunProvider } from '../../../../src/providers/bun/index.js';
import { UserError } from '../../../../src/util/errors.js';
import { opts } from './helpers.js';

test('a package.json that is not an object is a malformed manifest (exit 2, naming the file), not "no stack found"', () => {
  for (const [text, found] of [['[1,2]', 'an array'], ['null', 'null'], ['"x"', 'a string'], ['3', 'a number']] as const) {
    const p = memoryProject({ 'package.json': text });
    assert.throws(
      () => readManifest(p),
      (e: unknown) => e instanceof UserError && e.exitCode === 2 && /package\.json$/.test(e.file ?? '') && e.message.includes(found),
      text,
    );
  }
});

test('known fields of the wrong type are dropped, so detection never meets a number where it expects a string', () => {
  const p = memoryProject({
    'package.json': JSON.stringify({ name: 'x', main: 42, scripts: { start: 5, build: true, test: 'node t' }, engines: '20', dependencies: [1], workspaces: 'a', packageManager: 5 }),
    'index.js': '',
  });
  const pkg = readManifest(p)!;
  assert.equal(pkg.main, undefined);
  assert.deepEqual(pkg.scripts, { test: 'node t' });
  assert.equal(pkg.engines, undefined);
  assert.equal(pkg.dependencies, undefined);
  assert.equal(pkg.workspaces, undefined);
  assert.equal(pkg.packageManager, undefined);
  // The whole provider runs on it: index.js is the start file.
  const facts = nodeProvider.detect(p, opts());
  assert.ok(facts);
  assert.equal(nodeProvider.plan(facts, opts()).cmd.at(-1), 'index.js');
  // Bun reads the same manifest (an engines.bun number is not a version).
  const bun = memoryProject({ 'package.json': JSON.stringify({ packageManager: 'bun@1.1.0', engines: { bun: 7 }, main: 1 }), 'index.ts': '' });
  assert.ok(bunProvider.detect(bun, opts()));
});
