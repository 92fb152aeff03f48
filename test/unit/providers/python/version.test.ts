import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minorOf, minorSatisfies, newestMinorFor } from '../../../../src/providers/python/version.js';
import { parseRequirements, parseRequirement } from '../../../../src/providers/python/requirements.js';

test('newest known minor for PEP 440 and Poetry constraints', () => {
  const cases: [string, string | undefined][] = [
    ['>=3.9', '3.14'],
    ['>=3.9,<3.13', '3.12'],
    ['>=3.10, <3.12', '3.11'],
    ['~=3.11', '3.14'],
    ['~=3.11.2', '3.11'],
    ['==3.11.*', '3.11'],
    ['>=3.8, !=3.14.*', '3.13'],
    ['^3.11', '3.14'],
    ['~3.10', '3.10'],
    ['>=3.8 <3.11', '3.10'],
    ['3.9', '3.9'],
    ['*', '3.14'],
    ['<3.8', undefined],
    ['>=4', undefined],
    ['>3.11', '3.14'],
    ['^3.8 || ^4.0', '3.14'],
    ['>=3.11.4,<3.12', '3.11'],
  ];
  for (const [spec, want] of cases) assert.equal(newestMinorFor(spec), want, spec);
  assert.equal(minorSatisfies('>3.11', 11), true, 'a 3.11 patch release is > 3.11');
  assert.equal(minorSatisfies('!=3.11.*', 11), false);
});

test('minorOf: .python-version and runtime.txt spellings', () => {
  assert.equal(minorOf('3.11'), '3.11');
  assert.equal(minorOf('3.12.7'), '3.12');
  assert.equal(minorOf('python-3.10.4'), '3.10');
  assert.equal(minorOf('3.13.0rc2'), '3.13');
  assert.equal(minorOf('pypy3.10'), undefined);
  assert.equal(minorOf('system'), undefined);
});

test('requirements: names, extras, includes, local paths, options and comments', () => {
  const r = parseRequirements(
    [
      '# comment',
      'Flask==3.0 ; python_version >= "3.8"',
      'fastapi[standard,all]>=0.110  # inline',
      'Django_Rest.Framework',
      '-r base.txt',
      '--constraint=constraints.txt',
      '-e .',
      './libs/local',
      'pkg @ file:///tmp/pkg',
      '--index-url https://example.invalid/simple',
      'requests \\',
      '  --hash=sha256:abc',
    ].join('\n'),
    'reqs',
  );
  assert.deepEqual(r.packages.map((p) => p.name), ['flask', 'fastapi', 'django-rest-framework', 'requests']);
  assert.deepEqual(r.packages[1]!.extras, ['standard', 'all']);
  assert.deepEqual(r.includes, ['reqs/base.txt', 'reqs/constraints.txt']);
  assert.deepEqual(r.localPaths, ['.', './libs/local', 'pkg @ file:///tmp/pkg']);
  assert.equal(parseRequirement('git+https://example.invalid/y.git'), undefined);
  assert.equal(parseRequirement('https://example.invalid/y.whl'), undefined);
  assert.deepEqual(parseRequirement('Foo_Bar[x]>=1'), { name: 'foo-bar', extras: ['x'] });
});
