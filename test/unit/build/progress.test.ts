import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProgressParser, countedSteps, parseProgressLine, parseProgressLog, parseStepLabel } from '../../../src/build/progress.js';

const logs = join(import.meta.dirname, 'logs');
const log = (name: string) => readFileSync(join(logs, name), 'utf8');

describe('parseStepLabel', () => {
  it('reads stage, position and instruction', () => {
    assert.deepEqual(parseStepLabel('[deps 4/4] RUN npm ci'), { stage: 'deps', platform: undefined, index: 4, total: 4, instruction: 'RUN npm ci' });
    assert.deepEqual(parseStepLabel('[2/4] WORKDIR /src'), { stage: undefined, platform: undefined, index: 2, total: 4, instruction: 'WORKDIR /src' });
    assert.deepEqual(parseStepLabel('[linux/arm64 build 3/5] COPY . .'), { stage: 'build', platform: 'linux/arm64', index: 3, total: 5, instruction: 'COPY . .' });
    assert.equal(parseStepLabel('[internal] load build context'), undefined);
    assert.equal(parseStepLabel('exporting to image'), undefined);
  });
});

describe('parseProgressLine', () => {
  const known = new Map([[8, '[deps 4/4] RUN npm ci']]);
  it('tells the kinds of line apart', () => {
    assert.deepEqual(parseProgressLine('#8 CACHED', known), [{ type: 'cached', id: 8 }]);
    assert.deepEqual(parseProgressLine('#8 DONE 1.1s', known), [{ type: 'done', id: 8, seconds: 1.1 }]);
    assert.deepEqual(parseProgressLine('#8 0.131 added 3 packages', known), [{ type: 'log', id: 8, text: 'added 3 packages' }]);
    assert.deepEqual(parseProgressLine('#8 ERROR: exit code: 1', known), [{ type: 'vertex-error', id: 8, message: 'exit code: 1' }]);
    assert.deepEqual(parseProgressLine(`#8 sha256:${'a'.repeat(64)}`, known), []);
    assert.deepEqual(parseProgressLine('#8 [deps 4/4] RUN npm ci', known), [], 'buildx repeats headers');
    assert.deepEqual(parseProgressLine('ERROR: failed to solve: x', known), [{ type: 'message', text: 'ERROR: failed to solve: x' }]);
    assert.deepEqual(parseProgressLine('', known), []);
    assert.equal(parseProgressLine('#9 [runtime 2/3] COPY . .', known)[0]!.type, 'vertex');
  });
});

describe('recorded logs (Docker Engine 20.10, DOCKER_BUILDKIT=1 docker build)', () => {
  it('cold build: every step ran, none cached but the base', () => {
    const p = parseProgressLog(log('engine-20.10-cold.log'));
    const steps = countedSteps(p.steps);
    assert.deepEqual(
      steps.map((s) => `${s.label!.stage} ${s.label!.index}/${s.label!.total} ${s.status}`),
      ['deps 2/4 done', 'deps 3/4 done', 'deps 4/4 done', 'runtime 3/4 done', 'runtime 4/4 done'],
    );
    assert.equal(steps.find((s) => s.label!.instruction.startsWith('RUN'))!.seconds, 1.1);
    assert.deepEqual(steps.find((s) => s.label!.instruction.startsWith('RUN'))!.logs, ['installing']);
    assert.equal(p.failed, undefined);
    assert.ok(p.vertices.get(11)!.internal, 'exporting to image is not a Dockerfile step');
  });

  it('unchanged rebuild: every step cached', () => {
    const steps = countedSteps(parseProgressLog(log('engine-20.10-cached.log')).steps);
    assert.equal(steps.length, 5);
    assert.ok(steps.every((s) => s.status === 'cached'));
  });

  it('source edit: only the COPY of the edited file runs again', () => {
    const steps = countedSteps(parseProgressLog(log('engine-20.10-edit.log')).steps);
    assert.deepEqual(steps.filter((s) => s.status !== 'cached').map((s) => s.label!.instruction), ['COPY server.js ./']);
  });

  it('failed step: status, error and output kept', () => {
    const p = parseProgressLog(log('engine-20.10-fail.log'));
    const f = p.failed!;
    assert.equal(f.label!.stage, 'deps');
    assert.equal(f.label!.index, 4);
    assert.match(f.error!, /exit code: 3/);
    assert.deepEqual(f.logs, ['installing', 'boom']);
    assert.ok(p.messages.some((m) => m.startsWith('executor failed running')));
  });

  it('streams: a chunk boundary inside a line changes nothing', () => {
    const text = log('engine-20.10-cold.log');
    const whole = parseProgressLog(text);
    const p = new ProgressParser(() => 0);
    for (let i = 0; i < text.length; i += 7) p.push(text.slice(i, i + 7));
    p.end();
    assert.deepEqual([...p.vertices.values()], [...whole.vertices.values()]);
    assert.equal(p.log, text);
  });
});

describe('buildx --progress=plain', () => {
  it('reads the failing step, its output and the printed Dockerfile line', () => {
    const p = parseProgressLog(log('buildx-fail.log'));
    assert.equal(p.vertices.get(0)!.internal, true);
    assert.equal(countedSteps(p.steps).filter((s) => s.status === 'cached').length, 2);
    assert.equal(p.failed!.label!.instruction.slice(0, 20), 'RUN echo installing ');
    assert.deepEqual(p.failed!.logs, ['installing', 'boom']);
    assert.ok(p.messages.includes('Dockerfile:4'));
  });
});
