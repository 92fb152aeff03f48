import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderDockerfile, renderMount } from '../../../src/render/dockerfile.js';
import type { BuildPlan } from '../../../src/plan/types.js';

const plan: BuildPlan = {
  stack: 'node',
  packageManager: 'npm',
  facts: {},
  stages: [
    {
      name: 'deps',
      base: 'node:20-slim',
      comment: 'install dependencies from the manifests only',
      steps: [
        { kind: 'workdir', path: '/app' },
        { kind: 'copy', sources: ['package.json', 'package-lock.json'], dest: './' },
        { kind: 'run', commands: ['npm ci --omit=dev'], mounts: [{ type: 'cache', target: '/root/.npm' }], comment: 'cache mount keeps the npm cache out of the layer' },
      ],
    },
    {
      name: 'runtime',
      base: 'gcr.io/distroless/nodejs20-debian12:nonroot',
      comment: 'only what runs',
      steps: [
        { kind: 'copy', from: 'deps', sources: ['/app/node_modules'], dest: './node_modules' },
        { kind: 'user', user: '65532' },
        { kind: 'cmd', argv: ['server.js'] },
      ],
    },
  ],
  user: '65532',
  cmd: ['/nodejs/bin/node', 'server.js'],
  dockerignore: { entries: [], keep: [] },
  context: '.',
  warnings: [],
  notes: [],
};

test('renders stages, comments, cache mounts and exec-form CMD', () => {
  const text = renderDockerfile(plan);
  assert.match(text, /^# install dependencies from the manifests only\nFROM node:20-slim AS deps$/m);
  assert.match(text, /RUN --mount=type=cache,target=\/root\/.npm \\\n    npm ci --omit=dev/);
  assert.match(text, /CMD \["server.js"\]/);
  assert.doesNotMatch(text, /# syntax/);
});

test('--no-comments drops every comment line', () => {
  const text = renderDockerfile(plan, { comments: false });
  assert.doesNotMatch(text, /^#/m);
});

test('several commands join with && over continuation lines', () => {
  const text = renderDockerfile({ ...plan, stages: [{ name: 'a', base: 'x', comment: '', steps: [{ kind: 'run', commands: ['a', 'b'] }] }] });
  assert.match(text, /RUN \\\n    a \\\n && b/);
});

test('mounts render with their options', () => {
  assert.equal(renderMount({ type: 'cache', target: '/usr/local/share/.cache/yarn', sharing: 'locked' }), '--mount=type=cache,target=/usr/local/share/.cache/yarn,sharing=locked');
  assert.equal(renderMount({ type: 'bind', source: 'go.mod', target: 'go.mod' }), '--mount=type=bind,source=go.mod,target=go.mod');
});

test('the header names the build command that works from the init folder: -f for another name, the context of a workspace', async () => {
  const { buildCommandFor } = await import('../../../src/render/dockerfile.js');
  assert.equal(buildCommandFor(plan), 'docker build .');
  assert.equal(buildCommandFor(plan, 'sub/Dockerfile.prod'), 'docker build -f sub/Dockerfile.prod .');
  assert.equal(buildCommandFor({ ...plan, context: '../..' }), 'docker build -f Dockerfile ../..');
  assert.equal(buildCommandFor(plan, "my file's"), `docker build -f 'my file'\\''s' .`);
  assert.match(renderDockerfile(plan, { file: 'Dockerfile.prod' }), /^# Build with BuildKit: DOCKER_BUILDKIT=1 docker build -f Dockerfile\.prod \. \(or docker buildx build -f Dockerfile\.prod \.\)$/m);
});
