import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOutputDir, detectFramework, typescriptDirs } from '../../../../src/providers/node/framework.js';
import { project } from './helpers.js';

test('Next.js: standalone, export, plain', () => {
  const next = { dependencies: { next: '^15' }, scripts: { build: 'next build' } };
  assert.deepEqual(detectFramework(project({ 'next.config.mjs': "export default { output: 'standalone' }", 'public/x.txt': '' }), next, false), {
    kind: 'next-standalone',
    config: 'next.config.mjs',
    hasPublic: true,
  });
  assert.deepEqual(detectFramework(project({ 'next.config.js': 'module.exports = { output: "export" }' }), next, false), { kind: 'static', tool: 'Next.js static export', outDir: 'out' });
  assert.deepEqual(detectFramework(project({}), next, false), { kind: 'next', config: undefined, hasPublic: false });
});

test('static SPAs: Vite (with outDir from its config), CRA; not when a server starts', () => {
  const vite = { devDependencies: { vite: '^7' }, scripts: { build: 'vite build' } };
  assert.deepEqual(detectFramework(project({}), vite, false), { kind: 'static', tool: 'Vite', outDir: 'dist' });
  assert.deepEqual(detectFramework(project({ 'vite.config.ts': "build: { outDir: './public-build/' }" }), vite, false), { kind: 'static', tool: 'Vite', outDir: 'public-build' });
  assert.equal(detectFramework(project({}), vite, true), undefined);
  assert.equal(detectFramework(project({}), { devDependencies: { vite: '^7' } }, false), undefined);
  assert.deepEqual(detectFramework(project({}), { dependencies: { 'react-scripts': '5' }, scripts: { build: 'react-scripts build' } }, false), { kind: 'static', tool: 'Create React App', outDir: 'build' });
  assert.equal(detectFramework(project({}), { dependencies: { astro: '5', '@astrojs/node': '9' }, scripts: { build: 'astro build' } }, false), undefined);
});

test('tsconfig with comments and trailing commas', () => {
  const p = project({ 'tsconfig.json': '{\n // out\n "compilerOptions": { "outDir": "./build/", "rootDir": "src", /* x */ },\n}' });
  assert.deepEqual(typescriptDirs(p), { outDir: 'build', rootDir: 'src' });
});

test('build output: tsconfig outDir, else the start file folder, else dist for compilers', () => {
  const build = { scripts: { build: 'tsc' } };
  assert.equal(buildOutputDir(project({ 'tsconfig.json': '{"compilerOptions":{"outDir":"lib"}}' }), build, undefined), 'lib');
  assert.equal(buildOutputDir(project({}), { scripts: { build: 'node build.mjs' } }, 'out/server.js'), 'out');
  assert.equal(buildOutputDir(project({}), build, undefined), 'dist');
  assert.equal(buildOutputDir(project({}), { scripts: { build: 'node gen.js' } }, 'server.js'), undefined);
  assert.equal(buildOutputDir(project({}), {}, 'dist/x.js'), undefined);
});
