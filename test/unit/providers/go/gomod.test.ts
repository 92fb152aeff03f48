import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryNameForModule } from '../../../../src/providers/go/detect.js';
import { compareGoVersions, goMinor, parseGoMod, parseGoVersion } from '../../../../src/providers/go/gomod.js';

test('parses module, go, toolchain, single and block requires, local replaces, comments', () => {
  const mod = parseGoMod(`// a comment
module "example.com/x/v2"

go 1.22.3 // trailing
toolchain go1.23.4

require github.com/a/b v1.0.0
require (
	github.com/c/d v0.1.0 // indirect
	golang.org/x/e v0.2.0
)
replace github.com/a/b => ../b
replace (
	github.com/c/d v0.1.0 => github.com/fork/d v0.1.1
	golang.org/x/e => ./third_party/e
)
`);
  assert.equal(mod.module, 'example.com/x/v2');
  assert.equal(mod.go, '1.22.3');
  assert.equal(mod.toolchain, '1.23.4');
  assert.deepEqual(mod.requires, ['github.com/a/b', 'github.com/c/d', 'golang.org/x/e']);
  assert.deepEqual(mod.localReplaces, [
    { module: 'github.com/a/b', path: '../b' },
    { module: 'golang.org/x/e', path: './third_party/e' },
  ]);
});

test('go versions: parse, compare, minor', () => {
  assert.deepEqual(parseGoVersion('1.23'), [1, 23, 0]);
  assert.deepEqual(parseGoVersion('go1.21.5'), [1, 21, 5]);
  assert.deepEqual(parseGoVersion('1.24rc1'), [1, 24, 0]);
  assert.equal(parseGoVersion('latest'), undefined);
  assert.ok(compareGoVersions('1.9', '1.23') < 0);
  assert.ok(compareGoVersions('1.23.4', '1.23') > 0);
  assert.equal(goMinor('1.23.4'), '1.23');
});

test('binary name from the module path skips a /vN suffix', () => {
  assert.equal(binaryNameForModule('example.com/shop/v2'), 'shop');
  assert.equal(binaryNameForModule('example.com/api'), 'api');
  assert.equal(binaryNameForModule('app'), 'app');
  assert.equal(binaryNameForModule(''), 'app');
});

test('goModError: what the go command would refuse, with the line; valid files read', async () => {
  const { goModError } = await import('../../../../src/providers/go/gomod.js');
  assert.equal(goModError('module example.com/x\n\ngo 1.23\ntoolchain go1.23.4\nrequire (\n\ta v1\n)\n'), undefined);
  assert.equal(goModError('\uFEFFmodule x\r\ngo 1.22rc1\r\n'), undefined);
  assert.equal(goModError('module (\n\texample.com/x\n)\n'), undefined);
  assert.deepEqual(goModError('module\ngo 1.23\n'), { line: 1, message: 'module directive without a value' });
  assert.deepEqual(goModError('module x\ngo banana\n'), { line: 2, message: "invalid go version 'banana': must match format 1.23.0" });
  assert.deepEqual(goModError('module x\ngo 1\n'), { line: 2, message: "invalid go version '1': must match format 1.23.0" });
  assert.deepEqual(goModError('module x\nrequire (\n\ta v1\n'), { line: 2, message: 'require ( block is never closed' });
  assert.deepEqual(goModError('module x\nrequires a v1\n'), { line: 2, message: 'unknown directive: requires' });
  assert.equal(goModError('go 1.23\n')?.line, 1);
  assert.match(goModError('')!.message, /no module directive/);
});
