import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectNativeModules, hasNativeModules } from '../../../../src/providers/node/native-modules.js';
import { packagesWithInstallScripts } from '../../../../src/providers/node/lockfile.js';
import { npmLock, project } from './helpers.js';

test('known native packages among the dependencies', () => {
  const n = detectNativeModules(['express', 'sharp', '@prisma/client'], ['better-sqlite3', 'typescript'], { production: [], dev: [] });
  assert.deepEqual(n, { production: ['@prisma/client', 'sharp'], buildOnly: ['better-sqlite3'] });
  assert.ok(hasNativeModules(n));
  assert.ok(!hasNativeModules(detectNativeModules(['express'], ['nodemon'], { production: [], dev: [] })));
});

test('hasInstallScript in package-lock: production ones count, dev-only ones only when known native', () => {
  const lock = npmLock(
    { dependencies: { x: '1' } },
    {
      'node_modules/fancy-addon': { version: '1.0.0', hasInstallScript: true },
      'node_modules/esbuild': { version: '0.25.0', dev: true, hasInstallScript: true },
      'node_modules/node-sass': { version: '9.0.0', dev: true, hasInstallScript: true },
      'node_modules/plain': { version: '1.0.0' },
    },
  );
  const scripts = packagesWithInstallScripts(project({ 'package-lock.json': lock }), 'package-lock.json');
  assert.deepEqual(scripts, { production: ['fancy-addon'], dev: ['esbuild', 'node-sass'] });
  assert.deepEqual(detectNativeModules([], [], scripts), { production: ['fancy-addon'], buildOnly: ['node-sass'] });
});

test('non-npm lockfiles carry no install-script marks', () => {
  assert.deepEqual(packagesWithInstallScripts(project({ 'yarn.lock': '' }), 'yarn.lock'), { production: [], dev: [] });
  assert.deepEqual(packagesWithInstallScripts(project({}), undefined), { production: [], dev: [] });
});
