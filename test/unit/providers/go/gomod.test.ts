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
