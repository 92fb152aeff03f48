import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPackageManager } from '../../../../src/providers/node/package-manager.js';
import { project } from './helpers.js';

const detect = (files: Record<string, string>, pkgFields: Record<string, unknown> = {}) => detectPackageManager(project(files), pkgFields, pkgFields);

test('npm: package-lock.json, npm-shrinkwrap.json, or nothing at all', () => {
  assert.deepEqual(detect({ 'package-lock.json': '{}' }), { name: 'npm', source: 'package-lock.json', lockfile: 'package-lock.json' });
  assert.deepEqual(detect({ 'npm-shrinkwrap.json': '{}' }), { name: 'npm', source: 'npm-shrinkwrap.json', lockfile: 'npm-shrinkwrap.json' });
  assert.deepEqual(detect({}), { name: 'npm', source: 'default' });
});

test('the packageManager field wins over lockfiles, and its hash is dropped', () => {
  const pm = detect({ 'package-lock.json': '{}', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" }, { packageManager: 'pnpm@10.34.9+sha512.abc' });
  assert.deepEqual(pm, { name: 'pnpm', version: '10.34.9', source: 'packageManager', lockfile: 'pnpm-lock.yaml' });
  assert.equal(detect({ 'yarn.lock': '' }, { packageManager: 'yarn@1.22.19' }).name, 'yarn');
  assert.equal(detect({ 'yarn.lock': '' }, { packageManager: 'yarn@4.5.0' }).name, 'yarn-berry');
  assert.deepEqual(detect({ 'package-lock.json': '{}' }, { packageManager: 'npm@10.8.2' }), { name: 'npm', version: '10.8.2', source: 'packageManager', lockfile: 'package-lock.json' });
});

test('pnpm by its lockfile, the major from lockfileVersion', () => {
  assert.deepEqual(detect({ 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" }), { name: 'pnpm', version: '9', source: 'pnpm-lock.yaml', lockfile: 'pnpm-lock.yaml' });
  assert.equal(detect({ 'pnpm-lock.yaml': "lockfileVersion: '6.0'\n" }).version, '8');
  assert.equal(detect({ 'pnpm-lock.yaml': 'lockfileVersion: 5.4\n' }).version, '7');
});

test('Yarn 1 by yarn.lock; Yarn Berry by .yarnrc.yml or the lockfile format', () => {
  assert.deepEqual(detect({ 'yarn.lock': '# yarn lockfile v1\n' }), { name: 'yarn', source: 'yarn.lock', lockfile: 'yarn.lock' });
  assert.equal(detect({ 'yarn.lock': '__metadata:\n  version: 8\n' }).name, 'yarn-berry');
  const berry = detect({ '.yarnrc.yml': 'nodeLinker: node-modules\n', 'yarn.lock': '__metadata:\n', '.yarn/releases/yarn-3.6.4.cjs': '' });
  assert.deepEqual(berry, { name: 'yarn-berry', version: '3.6.4', source: '.yarnrc.yml', lockfile: 'yarn.lock' });
});

test('engines.pnpm / engines.yarn when there is no lockfile', () => {
  assert.deepEqual(detect({}, { engines: { pnpm: '>=9' } }), { name: 'pnpm', version: '9', source: 'engines.pnpm' });
  assert.equal(detect({}, { engines: { yarn: '^1.22' } }).name, 'yarn');
  assert.equal(detect({}, { engines: { yarn: '>=4' } }).name, 'yarn-berry');
});

test('a package inside a workspace reads the root lockfile and packageManager', () => {
  const root = project({ 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" });
  assert.equal(detectPackageManager(root, { packageManager: 'pnpm@9.15.9' }, {}).version, '9.15.9');
});
