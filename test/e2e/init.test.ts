/**
 * `stagecraft init` on a real engine (issue 2, "Proof on a real engine"): for every buildable
 * fixture, in a temp copy with the junk a real checkout has, init writes a Dockerfile that builds
 * with BuildKit, runs as a non-root user and answers HTTP, ships no secret, VCS data, dev
 * dependency, source or toolchain it should not, and rebuilds a source-only change from the
 * cached dependency-install layer.
 */
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  Created,
  appendSourceComment,
  artifactsDir,
  buildImage,
  checkEngine,
  containerProcessUids,
  describeSteps,
  docker,
  dockerOk,
  fakeSecret,
  fixturesDir,
  freePort,
  imageFiles,
  imagePrefix,
  installCommand,
  isAfter,
  loadFixtures,
  missingBaseImages,
  parseBuildLog,
  position,
  prepareWorkTree,
  runtimeBase,
  skipRequested,
  stageOrder,
  stagecraft,
  startContainer,
  strayMarker,
  tail,
  waitForHttp,
  type BuildResult,
  type Fixture,
  type WorkTree,
} from './harness.js';
import { formatViolations, imageViolations } from './support/image-checks.js';

/** The fixtures issue 2 names; each must exist and be buildable. */
const requiredFixtures = ['node-express', 'node-typescript', 'node-pnpm', 'node-yarn', 'node-workspace', 'bun-app', 'go-cmd', 'go-vendor', 'python-pip'];

const engine = await checkEngine();
const skipAll = !engine.ok && skipRequested() ? `STAGECRAFT_E2E_SKIP=1 and no engine: ${engine.problem}` : false;
const fixtures = loadFixtures(fixturesDir);
const buildable = fixtures.filter((f) => f.manifest.buildable);
const only = process.env.STAGECRAFT_E2E_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const selected = only ? buildable.filter((f) => only.includes(f.name)) : buildable;

interface Timing {
  fixture: string;
  result: 'pass' | 'fail';
  failedStep?: string;
  initMs?: number;
  coldBuildMs?: number;
  readyMs?: number;
  rebuildMs?: number;
  imageMB?: number;
  totalMs?: number;
}
const timings: Timing[] = [];

describe('init on a real engine', { skip: skipAll }, () => {
  it('a Docker engine answers', () => {
    assert.ok(engine.ok, engine.problem);
  });

  it('every fixture issue 2 requires is present and buildable', { skip: only ? 'STAGECRAFT_E2E_ONLY set' : false }, () => {
    const missing = requiredFixtures.filter((n) => !buildable.some((f) => f.name === n));
    assert.deepEqual(missing, [], `missing or not buildable under test/fixtures/apps: ${missing.join(', ')} (found: ${fixtures.map((f) => `${f.name}${f.manifest.buildable ? '' : ' (not buildable)'}`).join(', ') || 'none'})`);
  });

  if (only) {
    it('STAGECRAFT_E2E_ONLY names buildable fixtures', () => {
      const unknown = only.filter((n) => !buildable.some((f) => f.name === n));
      assert.deepEqual(unknown, [], `not buildable fixtures: ${unknown.join(', ')}`);
    });
  }

  for (const fixture of selected) describeFixture(fixture);

  after(() => {
    if (timings.length === 0) return;
    const s = (ms?: number) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)}s`);
    const lines = [
      '| fixture | result | init | cold build | ready | rebuild | image | total |',
      '|---|---|---|---|---|---|---|---|',
      ...timings.map((t) => `| ${t.fixture} | ${t.result}${t.failedStep ? ` (${t.failedStep})` : ''} | ${s(t.initMs)} | ${s(t.coldBuildMs)} | ${s(t.readyMs)} | ${s(t.rebuildMs)} | ${t.imageMB === undefined ? '-' : `${t.imageMB.toFixed(1)} MB`} | ${s(t.totalMs)} |`),
    ];
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, 'init-summary.json'), `${JSON.stringify({ engine: engine.serverVersion, timings }, null, 2)}\n`);
    writeFileSync(join(artifactsDir, 'init-summary.md'), `${lines.join('\n')}\n`);
    console.log(`\ninit e2e on Docker Engine ${engine.serverVersion ?? '?'}:\n${lines.join('\n')}\n`);
  });
});

/** Whether the go.mod in a folder has a require directive (a module with dependencies). */
function goModuleRequires(dir: string): boolean {
  const file = join(dir, 'go.mod');
  return existsSync(file) && /^\s*require\b/m.test(readFileSync(file, 'utf8'));
}

async function imageConfig(image: string): Promise<{ User?: string; WorkingDir?: string; ExposedPorts?: Record<string, unknown> }> {
  return JSON.parse((await dockerOk(['image', 'inspect', '-f', '{{json .Config}}', image])).stdout) as { User?: string; WorkingDir?: string; ExposedPorts?: Record<string, unknown> };
}

interface PlanJson {
  stack: string;
  packageManager?: string;
  context: string;
  port?: number;
  user: string;
  cmd: string[];
  stages: { name: string; base: string }[];
  dockerfile: string;
}

function describeFixture(fixture: Fixture): void {
  const m = fixture.manifest;
  describe(fixture.name, { skip: engine.ok ? false : 'no Docker engine (see the failure above)' }, () => {
    const created = new Created();
    const tag = created.image(`${imagePrefix}${fixture.name}:latest`);
    const timing: Timing = { fixture: fixture.name, result: 'pass' };
    let started = Date.now();
    let tree: WorkTree;
    let plan: PlanJson | undefined;
    let dockerfilePath = '';
    let dockerfile = '';
    let contextDir = '';
    let built: BuildResult | undefined;
    /** Steps that did not complete: later steps skip rather than fail twice for one cause. */
    let broken: string | undefined;

    const step = (name: string, fn: (t: TestContext) => Promise<void>) =>
      it(name, { timeout: 20 * 60_000 }, async (t) => {
        if (broken) return t.skip(`${broken} failed`);
        try {
          await fn(t);
        } catch (err) {
          broken = name;
          timing.result = 'fail';
          timing.failedStep ??= name;
          throw err;
        }
      });

    before(() => {
      started = Date.now();
      tree = prepareWorkTree(fixture.dir, m.project, fixture.name);
      created.dirs.add(tree.root);
    });

    after(async () => {
      timing.totalMs = Date.now() - started;
      timings.push(timing);
      if (timing.result === 'fail') console.log(`# ${fixture.name}: work tree kept at ${tree.root}${built ? `, build log ${built.logFile}` : ''}`);
      await created.cleanup(timing.result === 'fail' || process.env.STAGECRAFT_E2E_KEEP === '1');
    });

    step('init writes a Dockerfile and .dockerignore', async () => {
      const r = await stagecraft(['init', tree.project, ...m.initArgs]);
      timing.initMs = r.ms;
      assert.equal(r.code, 0, `stagecraft ${['init', relative(tree.root, tree.project) || '.', ...m.initArgs].join(' ')} exited ${r.code}:\n${tail(r.output, 30)}`);
      const j = await stagecraft(['init', tree.project, '--json', ...m.initArgs]);
      assert.equal(j.code, 0, `stagecraft init --json exited ${j.code}:\n${tail(j.output, 30)}`);
      plan = JSON.parse(j.stdout) as PlanJson;
      dockerfilePath = join(tree.project, 'Dockerfile');
      contextDir = resolve(tree.project, plan.context);
      assert.ok(existsSync(dockerfilePath), `no Dockerfile at ${dockerfilePath}`);
      assert.ok(existsSync(join(contextDir, '.dockerignore')), `no .dockerignore in the build context ${contextDir}`);
      dockerfile = readFileSync(dockerfilePath, 'utf8');
      assert.equal(plan.dockerfile, dockerfile, 'the Dockerfile written differs from the one --json prints');
      assert.equal(plan.port, m.port, `the plan exposes port ${plan.port}, the app listens on ${m.port}`);
      assert.ok(stageOrder(dockerfile).length >= 2, `not a multi-stage Dockerfile:\n${dockerfile}`);
    });

    step('the image builds with BuildKit', async () => {
      const missing = await missingBaseImages(dockerfile);
      assert.deepEqual(missing, [], `base images missing from the engine (there is no registry here): ${missing.join(', ')}; \`bash scripts/engine.sh bases\` builds the stand-ins`);
      built = await buildImage({ tag, dockerfile: dockerfilePath, context: contextDir, logName: `${fixture.name}.build` });
      timing.coldBuildMs = built.ms;
      assert.equal(built.code, 0, `docker build exited ${built.code}${built.timedOut ? ' (timed out)' : ''} (full log: ${built.logFile}):\n${tail(built.output, 60)}\n--- Dockerfile ---\n${dockerfile}`);
      const size = Number((await dockerOk(['image', 'inspect', '-f', '{{.Size}}', tag])).stdout.trim());
      timing.imageMB = size / 1e6;
    });

    step('the app answers HTTP as a non-root user', async () => {
      const config = await imageConfig(tag);
      assert.match(config.User ?? '', /^[1-9]\d*(:\d+)?$/, `the image's USER is ${JSON.stringify(config.User ?? '')}: it must be a numeric, non-zero UID`);
      assert.ok(config.ExposedPorts && `${m.port}/tcp` in config.ExposedPorts, `the image does not EXPOSE ${m.port} (exposes ${Object.keys(config.ExposedPorts ?? {}).join(', ') || 'nothing'})`);
      const hostPort = await freePort();
      const name = `stagecraft-e2e-${fixture.name}-${process.pid}`;
      created.containers.add(name);
      const runAt = Date.now();
      await startContainer(tag, name, m.port, hostPort);
      const answer = await waitForHttp(`http://127.0.0.1:${hostPort}${m.request}`, name, 30_000);
      timing.readyMs = Date.now() - runAt;
      assert.ok(answer.body.includes(m.expectBody), `GET ${m.request} answered ${answer.status} without "${m.expectBody}":\n${answer.body.slice(0, 500)}`);
      const uid = await containerProcessUids(name);
      assert.notEqual(uid.real, 0, `the container's process (host pid ${uid.pid}) runs as root`);
      assert.notEqual(uid.effective, 0, `the container's process (host pid ${uid.pid}) has effective UID 0`);
      await docker(['rm', '-f', name]);
      created.containers.delete(name);
    });

    step('the image ships no secret, VCS data, dev dependency, source or toolchain', async () => {
      const image = await imageFiles(tag, [fakeSecret]);
      const base = runtimeBase(dockerfile);
      const baseSet = new Set(base ? (await imageFiles(base)).paths : []);
      const added = image.paths.filter((p) => !baseSet.has(p));
      const violations = imageViolations(image.paths, added, {
        stack: plan!.stack,
        compiled: m.compiled,
        devDependencies: m.devDependencies,
        mustNotShip: m.mustNotShip,
        strayMarker,
        workdir: (await imageConfig(tag)).WorkingDir,
      });
      const leaked = image.found.get(fakeSecret) ?? [];
      if (leaked.length) violations.unshift({ rule: 'the fake secret from .env is in these files', paths: leaked });
      assert.equal(violations.length, 0, `the image ${tag} (runtime base ${base ?? 'scratch'}, ${added.length} paths added to it) holds what it must not:\n${formatViolations(violations)}`);
      assert.ok(added.length > 0, 'the image adds nothing to its base: the file listing cannot be right');
    });

    step('a source-only change reuses the dependency-install layer', async (t) => {
      appendSourceComment(join(tree.project, m.sourceEdit));
      const again = await buildImage({ tag, dockerfile: dockerfilePath, context: contextDir, logName: `${fixture.name}.rebuild` });
      timing.rebuildMs = again.ms;
      assert.equal(again.code, 0, `the rebuild exited ${again.code} (full log: ${again.logFile}):\n${tail(again.output, 60)}`);
      const steps = parseBuildLog(again.output).filter((s) => !/^FROM\s/i.test(s.instruction));
      const stages = stageOrder(dockerfile);
      let installs = steps.filter((s) => /^RUN\s/i.test(s.instruction) && installCommand.test(s.instruction));
      // A vendored Go module downloads nothing: its dependency layers are the COPYs of go.mod/go.sum and vendor/.
      if (installs.length === 0 && plan!.stack === 'go') {
        installs = steps.filter((s) => /^COPY\s/i.test(s.instruction) && !/--from=/.test(s.instruction) && /(^|[\s/])(go\.mod|go\.sum|vendor\/?)(\s|$)/.test(s.instruction.replace(/^COPY\s+/i, '')));
      }
      if (installs.length === 0 && plan!.stack === 'go' && !goModuleRequires(contextDir)) {
        // A module without requirements has no dependency layer to reuse; the edit must still reach the build.
        t.diagnostic(`${fixture.name}: go.mod requires nothing, so there is no dependency layer to reuse`);
        assert.ok(steps.some((s) => s.done && !s.cached && /^RUN\s/i.test(s.instruction)), `no RUN step re-ran after editing ${m.sourceEdit}:\n${describeSteps(steps)}`);
        return;
      }
      assert.ok(installs.length > 0, `no dependency-install step found in the rebuild log; steps:\n${describeSteps(steps)}`);
      for (const install of installs) {
        assert.ok(install.cached, `the dependency-install step re-ran after editing only ${m.sourceEdit}:\n${describeSteps(steps)}\n(log: ${again.logFile})`);
      }
      const first = installs.map((s) => position(s, stages)).sort((a, b) => (isAfter(a, b) ? 1 : -1))[0]!;
      const reran = steps.filter((s) => s.done && !s.cached && isAfter(position(s, stages), first));
      assert.ok(reran.length > 0, `no step after the install re-ran, so the edit to ${m.sourceEdit} never reached the build:\n${describeSteps(steps)}`);
    });
  });
}
