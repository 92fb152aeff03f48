import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { naiveCommand, naiveDockerfile, toolchainImage } from '../../../src/build/naive.js';
import { parseDockerfile } from '../../../src/dockerfile/parse.js';
import { planInit } from '../../../src/init/init.js';
import { diskProject } from '../../../src/project/project.js';
import type { BuildPlan, Stage } from '../../../src/plan/types.js';

function plan(stack: BuildPlan['stack'], stages: Stage[], cmd: string[], extra: Partial<BuildPlan> = {}): BuildPlan {
  return { stack, facts: {}, stages, user: '1000', cmd, port: 3000, dockerignore: { entries: [], keep: [] }, context: '.', warnings: [], notes: [], ...extra };
}

const nodePlan = plan(
  'node',
  [
    { name: 'deps', base: 'node:22-slim', comment: '', steps: [{ kind: 'workdir', path: '/app' }, { kind: 'copy', sources: ['package.json', 'package-lock.json'], dest: './' }, { kind: 'run', commands: ['npm ci --omit=dev'], mounts: [{ type: 'cache', target: '/root/.npm' }] }] },
    { name: 'build', base: 'node:22-slim', comment: '', steps: [{ kind: 'workdir', path: '/app' }, { kind: 'env', vars: { NODE_ENV: 'production', CI: '1' } }, { kind: 'run', commands: ['npm ci'] }, { kind: 'copy', sources: ['.'], dest: '.' }, { kind: 'run', commands: ['npm run build', 'npm prune --omit=dev'] }] },
    { name: 'runtime', base: 'gcr.io/distroless/nodejs22-debian12:nonroot', comment: '', steps: [{ kind: 'copy', from: 'build', sources: ['/app/dist'], dest: './dist' }, { kind: 'cmd', argv: ['dist/server.js'] }] },
  ],
  ['/nodejs/bin/node', 'dist/server.js'],
  { packageManager: 'npm' },
);

describe('naiveDockerfile', () => {
  it('node: toolchain image of the same major, everything copied, full install, build, same command', () => {
    const { text, image } = naiveDockerfile(nodePlan);
    assert.equal(image, 'node:22');
    const df = parseDockerfile(text, 'naive');
    assert.equal(df.stages.length, 1, 'a single stage');
    assert.equal(df.errors.length, 0);
    const instr = df.stages[0]!.instructions.map((i) => `${i.keyword} ${i.args}`);
    assert.deepEqual(instr, ['FROM node:22', 'WORKDIR /app', 'ENV CI="1"', 'COPY . .', 'RUN npm ci', 'RUN npm run build', 'EXPOSE 3000', 'CMD ["node", "dist/server.js"]']);
    assert.ok(!text.includes('--mount'), 'no cache mounts');
    assert.ok(!text.includes('--omit=dev') && !text.includes('prune'), 'a naive build keeps dev dependencies');
  });

  it('go: the real go-cmd fixture, with the binary run from where the build made it', () => {
    const { plan: p } = planInit(diskProject(join(import.meta.dirname, '../../fixtures/apps/go-cmd')), { hostNodeMajor: 20 });
    const { text, image } = naiveDockerfile(p);
    assert.match(image, /^golang:1\.\d+$/);
    const df = parseDockerfile(text, 'naive');
    assert.equal(df.stages.length, 1);
    const run = df.stages[0]!.instructions.find((i) => i.keyword === 'RUN')!;
    const out = /-o (\S+)/.exec(run.args)![1]!;
    const cmd = df.stages[0]!.instructions.find((i) => i.keyword === 'CMD')!;
    assert.deepEqual(cmd.json, [out], 'CMD runs the binary the RUN wrote');
  });

  it('python and bun: toolchain images', () => {
    const py = plan('python', [{ name: 'build', base: 'python:3.11-slim', comment: '', steps: [{ kind: 'run', commands: ['python -m venv /opt/venv', '/opt/venv/bin/pip install -r requirements.txt'] }] }, { name: 'runtime', base: 'gcr.io/distroless/python3-debian12', comment: '', steps: [] }], ['/opt/venv/bin/python', 'app.py']);
    assert.equal(toolchainImage(py), 'python:3.11');
    assert.match(naiveDockerfile(py).text, /RUN python -m venv \/opt\/venv && \/opt\/venv\/bin\/pip install -r requirements.txt/);
    const bun = plan('bun', [{ name: 'build', base: 'oven/bun:1', comment: '', steps: [{ kind: 'run', commands: ['bun install --frozen-lockfile'] }] }, { name: 'runtime', base: 'gcr.io/distroless/base-debian12', comment: '', steps: [] }], ['bun', 'index.ts']);
    assert.equal(toolchainImage(bun), 'oven/bun:1');
  });
});

describe('naiveDockerfile on the real node fixtures', () => {
  const naiveFor = (fixture: string, project = '.') => {
    const { plan: p } = planInit(diskProject(join(import.meta.dirname, '../../fixtures/apps', fixture, project)), { hostNodeMajor: 20 });
    const df = parseDockerfile(naiveDockerfile(p).text, 'naive');
    return df.stages[0]!.instructions.map((i) => `${i.keyword} ${i.args}`);
  };

  it('pnpm: the package-manager set-up and the install, dev dependencies kept', () => {
    const runs = naiveFor('node-pnpm').filter((i) => i.startsWith('RUN '));
    assert.ok(runs.some((r) => /pnpm install/.test(r)), runs.join('\n'));
    assert.ok(runs.every((r) => !/--prod\b/.test(r)));
    assert.ok(runs.findIndex((r) => /npm install -g pnpm/.test(r)) < runs.findIndex((r) => /pnpm install/.test(r)), 'set-up first');
  });

  it('python: the venv the install goes into is made first', () => {
    const runs = naiveFor('python-pip').filter((i) => i.startsWith('RUN '));
    const venv = runs.findIndex((r) => /-m venv/.test(r));
    const pip = runs.findIndex((r) => /pip install/.test(r));
    assert.ok(venv >= 0 && pip > venv, runs.join('\n'));
  });

  it('workspace package: the command runs in the package folder, as in the runtime stage', () => {
    const instr = naiveFor('node-workspace', 'packages/api');
    assert.ok(instr.indexOf('WORKDIR /app/packages/api') > instr.indexOf('COPY . .'), instr.join('\n'));
  });
});

describe('naiveCommand', () => {
  it('maps a runtime path back through COPY --from into a folder', () => {
    const p = plan('go', [{ name: 'build', base: 'golang:1.23', comment: '', steps: [] }, { name: 'runtime', base: 'scratch', comment: '', steps: [{ kind: 'copy', from: 'build', sources: ['/out/api'], dest: '/usr/local/bin/' }] }], ['/usr/local/bin/api', '-v']);
    assert.deepEqual(naiveCommand(p), ['/out/api', '-v']);
  });
});
