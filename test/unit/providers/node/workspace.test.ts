import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandWorkspaces, findWorkspace, localDependencyClosure } from '../../../../src/providers/node/workspace.js';
import { pkg, project } from './helpers.js';

const mono = project({
  'package.json': pkg({ name: 'root', private: true, workspaces: ['packages/*', 'apps/web', '!packages/ignored'] }),
  'package-lock.json': '{}',
  'packages/api/package.json': pkg({ name: '@m/api', dependencies: { '@m/core': '1.0.0', express: '^5' }, devDependencies: { '@m/testkit': '1.0.0' } }),
  'packages/core/package.json': pkg({ name: '@m/core', dependencies: { '@m/util': '*' } }),
  'packages/util/package.json': pkg({ name: '@m/util' }),
  'packages/testkit/package.json': pkg({ name: '@m/testkit' }),
  'packages/ignored/package.json': pkg({ name: '@m/ignored' }),
  'packages/notapackage/readme.md': '',
  'apps/web/package.json': pkg({ name: 'web' }),
  'apps/other/package.json': pkg({ name: 'other' }),
});

test('expands package globs, exact folders and negations', () => {
  assert.deepEqual(expandWorkspaces(mono, ['packages/*', 'apps/web', '!packages/ignored']), ['apps/web', 'packages/api', 'packages/core', 'packages/testkit', 'packages/util']);
  assert.deepEqual(expandWorkspaces(mono, ['apps/**']), ['apps/other', 'apps/web']);
});

test('finds the root above a member, with the production closure of local dependencies', () => {
  const api = mono.at('packages/api');
  const ws = findWorkspace(api, JSON.parse(api.readText('package.json')!));
  assert.deepEqual(ws, {
    rootFromPackage: '../..',
    packageDir: 'packages/api',
    kind: 'npm',
    members: ['apps/web', 'packages/api', 'packages/core', 'packages/testkit', 'packages/util'],
    localDependencies: ['packages/core', 'packages/util'],
  });
});

test('a folder not listed by the root is not a member', () => {
  const other = mono.at('packages/ignored');
  assert.equal(findWorkspace(other, {}), undefined);
  assert.equal(findWorkspace(project({ 'package.json': pkg({}) }), {}), undefined);
});

test('pnpm-workspace.yaml declares the members', () => {
  const p = project({
    'package.json': pkg({ name: 'root' }),
    'pnpm-workspace.yaml': "packages:\n  - 'services/*'\n",
    'services/api/package.json': pkg({ name: 'api', dependencies: { shared: 'workspace:*' } }),
    'services/shared/package.json': pkg({ name: 'shared' }),
  });
  const ws = findWorkspace(p.at('services/api'), { name: 'api', dependencies: { shared: 'workspace:*' } });
  assert.equal(ws?.kind, 'pnpm');
  assert.deepEqual(ws?.localDependencies, ['services/shared']);
});

test('dependency cycles between members terminate', () => {
  const p = project({
    'a/package.json': pkg({ name: 'a', dependencies: { b: '*' } }),
    'b/package.json': pkg({ name: 'b', dependencies: { a: '*' } }),
  });
  assert.deepEqual(localDependencyClosure(p, ['a', 'b'], { dependencies: { a: '*' } }), ['a', 'b']);
});
