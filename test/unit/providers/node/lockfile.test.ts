import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lockfileMismatches } from '../../../../src/providers/node/lockfile.js';
import { npmLock, project } from './helpers.js';

const deps = { dependencies: { express: '^5.1.0' }, devDependencies: { nodemon: '^3.1.0' } };

test('npm: in sync, changed range, missing, extra', () => {
  const p = project({ 'package-lock.json': npmLock(deps) });
  assert.deepEqual(lockfileMismatches(p, 'npm', 'package-lock.json', [{ dir: '.', pkg: deps }]), []);
  const changed = { dependencies: { express: '^4.0.0', cors: '^2.8.5' } };
  assert.deepEqual(lockfileMismatches(p, 'npm', 'package-lock.json', [{ dir: '.', pkg: changed }]), [
    'express is ^4.0.0 in package.json but ^5.1.0 in the lockfile',
    'cors is missing from the lockfile',
    'nodemon is in the lockfile but no longer in package.json',
  ]);
});

test('npm lockfile v1 records no ranges: nothing to compare', () => {
  const p = project({ 'package-lock.json': JSON.stringify({ lockfileVersion: 1, dependencies: {} }) });
  assert.deepEqual(lockfileMismatches(p, 'npm', 'package-lock.json', [{ dir: '.', pkg: deps }]), []);
});

test('npm workspaces: each member against its own entry', () => {
  const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'root' }, 'packages/api': { dependencies: { express: '^5.1.0' } } } });
  const p = project({ 'package-lock.json': lock });
  assert.deepEqual(lockfileMismatches(p, 'npm', 'package-lock.json', [{ dir: 'packages/api', pkg: { dependencies: { express: '^5.1.0' } } }]), []);
  assert.deepEqual(lockfileMismatches(p, 'npm', 'package-lock.json', [{ dir: 'packages/web', pkg: {} }]), ['packages/web is not in the lockfile']);
});

const pnpmLock = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      express:
        specifier: ^5.1.0
        version: 5.3.0
    devDependencies:
      nodemon:
        specifier: ^3.1.0
        version: 3.1.14
`;

test('pnpm: importer specifiers', () => {
  const p = project({ 'pnpm-lock.yaml': pnpmLock });
  assert.deepEqual(lockfileMismatches(p, 'pnpm', 'pnpm-lock.yaml', [{ dir: '.', pkg: deps }]), []);
  assert.deepEqual(lockfileMismatches(p, 'pnpm', 'pnpm-lock.yaml', [{ dir: '.', pkg: { dependencies: { express: '^5.2.0', zod: '^3' } } }]), [
    'express is ^5.2.0 in package.json but ^5.1.0 in the lockfile',
    'zod is missing from the lockfile',
  ]);
});

const yarn1 = `# yarn lockfile v1


express@^5.1.0:
  version "5.3.0"

"@types/node@^20.0.0", "@types/node@^20.19.0":
  version "20.19.43"
`;

test('yarn: every name@range must be a lockfile key (v1 and Berry spellings)', () => {
  const p = project({ 'yarn.lock': yarn1 });
  assert.deepEqual(lockfileMismatches(p, 'yarn', 'yarn.lock', [{ dir: '.', pkg: { dependencies: { express: '^5.1.0' }, devDependencies: { '@types/node': '^20.19.0' } } }]), []);
  assert.deepEqual(lockfileMismatches(p, 'yarn', 'yarn.lock', [{ dir: '.', pkg: { dependencies: { express: '^5.2.0' } } }]), ['express@^5.2.0 is missing from the lockfile']);
  const berry = project({ 'yarn.lock': '__metadata:\n  version: 8\n\n"express@npm:^5.1.0":\n  version: 5.3.0\n' });
  assert.deepEqual(lockfileMismatches(berry, 'yarn-berry', 'yarn.lock', [{ dir: '.', pkg: { dependencies: { express: '^5.1.0', lib: 'workspace:*' } } }]), []);
});
