/**
 * `stagecraft build` on the real engine (issue 4): the generated Dockerfile of a fixture is built
 * through the CLI with --json, the figures are checked against `docker image inspect`, a source
 * edit rebuilds from cache, --compare-naive builds the single-stage baseline (from a temp folder,
 * never the project's), a failing step is pointed at, and a missing engine is a clear exit 2.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Created,
  appendSourceComment,
  artifactsDir,
  checkEngine,
  cliPath,
  dockerOk,
  exec,
  fixturesDir,
  imagePrefix,
  prepareWorkTree,
  skipRequested,
  stagecraft,
  tail,
} from './harness.js';

const skip = skipRequested();
const created = new Created();

/** The CLI with a build-sized timeout (the harness's `stagecraft` allows 60 s). */
function build(args: string[]) {
  return exec(process.execPath, [cliPath, 'build', ...args], { env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 15 * 60_000 });
}

function keep(name: string, text: string): void {
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(join(artifactsDir, name), text);
}

interface BuildJson {
  image: string;
  size: number;
  cachedSteps: number;
  totalSteps: number;
  seconds: number;
  layers: { size: number; createdBy: string; instruction: string; stage: string; base: boolean }[];
  baseline?: BuildJson & { ratio: number };
}

function assertShape(r: BuildJson, what: string): void {
  assert.equal(typeof r.image, 'string', `${what}: image`);
  assert.ok(Number.isInteger(r.size) && r.size > 0, `${what}: size`);
  assert.ok(Number.isInteger(r.totalSteps) && r.totalSteps > 0, `${what}: totalSteps`);
  assert.ok(Number.isInteger(r.cachedSteps) && r.cachedSteps >= 0 && r.cachedSteps <= r.totalSteps, `${what}: cachedSteps`);
  assert.ok(typeof r.seconds === 'number' && r.seconds > 0, `${what}: seconds`);
  assert.ok(Array.isArray(r.layers) && r.layers.length > 0, `${what}: layers`);
  // docker counts an image's size as the sum of its layers: the history laid out by stage must add up to it.
  assert.equal(r.layers.reduce((a, l) => a + l.size, 0), r.size, `${what}: layer sizes add up to the image size`);
}

describe('stagecraft build (real engine)', { skip: skip ? 'STAGECRAFT_E2E_SKIP=1' : false }, () => {
  let project = '';
  const tag = `${imagePrefix}build-go:latest`;

  before(async () => {
    const engine = await checkEngine();
    if (!engine.ok) throw new Error(engine.problem);
    const tree = prepareWorkTree(join(fixturesDir, 'go-cmd'), '.', 'build');
    created.dirs.add(tree.root);
    project = tree.project;
    const init = await stagecraft(['init', project]);
    assert.equal(init.code, 0, tail(init.output, 20));
    created.image(tag);
    created.image(`${imagePrefix}build-go-naive:latest`);
    created.image(`${imagePrefix}build-fail:latest`);
  });
  after(() => created.cleanup());

  it('builds with --json: size, layers by stage, steps and time agree with the engine', async () => {
    const r = await build([project, '--json', '--no-cache', '-t', tag]);
    keep('build-go.json', r.stdout);
    assert.equal(r.code, 0, tail(r.output, 40));
    const out = JSON.parse(r.stdout) as BuildJson;
    assertShape(out, 'image');
    assert.equal(out.image, tag);
    const inspected = await dockerOk(['image', 'inspect', '--format', '{{.Size}}', tag]);
    assert.equal(out.size, Number(inspected.stdout.trim()), 'size is what docker image inspect says');
    // (Engine 20.10 still reports WORKDIR as CACHED under --no-cache; the steps that do work must not be.)
    const steps = (out as unknown as { steps: { instruction: string; cached: boolean }[] }).steps;
    assert.ok(steps.filter((s) => /^(RUN|COPY)\b/.test(s.instruction)).every((s) => !s.cached), '--no-cache: no RUN or COPY from cache');
    assert.ok(out.layers.some((l) => l.base), 'the runtime base image layers are labelled');
    assert.ok(out.layers.some((l) => !l.base && l.stage === 'runtime' && /^COPY --from=build /.test(l.instruction)), 'the binary COPY is placed in the runtime stage');
  });

  it('rebuilds a source-only edit with cached steps', async () => {
    appendSourceComment(join(project, 'internal/greeting/greeting.go'));
    const r = await build([project, '--json', '-t', tag]);
    assert.equal(r.code, 0, tail(r.output, 40));
    const out = JSON.parse(r.stdout) as BuildJson;
    assert.ok(out.cachedSteps >= 1 && out.cachedSteps < out.totalSteps, `some steps cached, the build step not (${out.cachedSteps}/${out.totalSteps})`);
  });

  it('--compare-naive builds the single-stage baseline and reports the ratio', async () => {
    const before = readdirSync(project).sort();
    const r = await build([project, '--compare-naive', '--json', '-t', tag]);
    keep('build-go-compare.json', r.stdout);
    assert.equal(r.code, 0, tail(r.output, 40));
    const out = JSON.parse(r.stdout) as BuildJson;
    assertShape(out, 'image');
    assert.ok(out.baseline, 'a baseline');
    assertShape(out.baseline!, 'baseline');
    assert.equal(out.baseline!.image, `${imagePrefix}build-go-naive:latest`);
    assert.ok(out.baseline!.size > out.size, 'the baseline is larger');
    assert.ok(out.baseline!.ratio > 1, `ratio > 1 (${out.baseline!.ratio})`);
    assert.equal(out.baseline!.ratio, Math.round((out.baseline!.size / out.size) * 100) / 100);
    assert.deepEqual(readdirSync(project).sort(), before, 'nothing written into the project');
  });

  it('the human summary shows the size, the layers and the comparison', async () => {
    const r = await build([project, '--compare-naive', '--progress', 'plain', '-t', tag]);
    assert.equal(r.code, 0, tail(r.output, 40));
    assert.match(r.stdout, /built \S+build-go:latest in [\d.]+s, \d+ of \d+ steps from cache/);
    assert.match(r.stdout, /SIZE +STAGE +INSTRUCTION/);
    assert.match(r.stdout, /\d+(\.\d+)?x smaller than the baseline/);
    assert.match(r.stderr, /\[runtime \d+\/\d+\] COPY --from=build/, 'plain progress lines on stderr');
  });

  it('a failing step: exit 1, the BuildKit log, and the Dockerfile line', async () => {
    const file = join(project, 'Dockerfile.fail');
    writeFileSync(file, 'FROM debian:bookworm-slim\nWORKDIR /x\nRUN echo about to fail && exit 7\n');
    const r = await build([project, '-f', file, '-t', `${imagePrefix}build-fail:latest`, '--progress', 'plain']);
    assert.equal(r.code, 1, tail(r.output, 40));
    assert.match(r.stderr, /BuildKit log/);
    assert.match(r.stderr, /about to fail/);
    assert.match(r.stderr, /Dockerfile\.fail:3: build failed at step \[3\/3\] RUN echo about to fail && exit 7: the command exited with code 7/);
  });

  it('passes --target, --build-arg and --secret through to BuildKit', async () => {
    const dir = join(project, 'passthrough');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'token.txt'), 's3cret');
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        'FROM debian:bookworm-slim AS first',
        'ARG GREETING=none',
        // the secret is only readable during this RUN and never lands in a layer
        'RUN --mount=type=secret,id=tok test "$(cat /run/secrets/tok)" = s3cret && echo "$GREETING" > /greeting',
        'FROM first AS second',
        'RUN exit 9',
        '',
      ].join('\n'),
    );
    const ptTag = created.image(`${imagePrefix}build-passthrough:latest`);
    const args = [dir, '--json', '--no-cache', '-t', ptTag, '--target', 'first', '--build-arg', 'GREETING=hello'];
    const r = await build([...args, '--secret', `id=tok,src=${join(dir, 'token.txt')}`]);
    assert.equal(r.code, 0, tail(r.output, 40));
    const out = JSON.parse(r.stdout) as BuildJson;
    assert.ok(out.layers.some((l) => l.stage === 'first' && /^RUN --mount=type=secret/.test(l.instruction)), 'the target stage is the image');
    const run = await dockerOk(['run', '--rm', ptTag, 'cat', '/greeting']);
    assert.equal(run.stdout.trim(), 'hello', 'the build arg reached the RUN');
    const without = await build(args);
    assert.equal(without.code, 1, 'without the secret the RUN fails');
  });

  it('--report writes one HTML page with both images side by side', async () => {
    const report = join(artifactsDir, 'build-go-compare.html');
    mkdirSync(artifactsDir, { recursive: true });
    const r = await build([project, '--compare-naive', '--progress', 'none', '-t', tag, '--report', report]);
    assert.equal(r.code, 0, tail(r.output, 40));
    const html = readFileSync(report, 'utf8');
    assert.match(html, /^<!doctype html>/i);
    assert.ok(html.includes(tag) && html.includes(`${imagePrefix}build-go-naive:latest`), 'both images named');
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=["']?https?:/i, 'self-contained');
  });

  // The machine's v28 client without buildx (docker-engine.md): stagecraft must say why it cannot build, not fail obscurely.
  const v28 = '/usr/local/bin/docker';
  const v28Skip = !existsSync(v28) ? `${v28} not present` : spawnSync(v28, ['buildx', 'version']).status === 0 ? `${v28} has buildx here` : false;
  it('a docker client that cannot build with BuildKit: exit 2, "buildx component is missing"', { skip: v28Skip }, async () => {
    const r = await exec(process.execPath, [cliPath, 'build', project], { env: { ...process.env, NO_COLOR: '1', STAGECRAFT_DOCKER: v28 }, timeoutMs: 60_000 });
    assert.equal(r.code, 2, r.output);
    assert.match(r.stderr, /cannot build with BuildKit|buildx component is missing/);
  });

  it('no engine: exit 2 with a DOCKER_HOST hint', async () => {
    const r = await exec(process.execPath, [cliPath, 'build', project], { env: { ...process.env, NO_COLOR: '1', DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, timeoutMs: 60_000 });
    assert.equal(r.code, 2, r.output);
    assert.match(r.stderr, /no Docker engine answers/);
    assert.match(r.stderr, /DOCKER_HOST/);
  });
});
