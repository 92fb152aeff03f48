import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDockerfile } from '../../../src/dockerfile/parse.js';
import { instructionForLabel, locateFailure } from '../../../src/build/failure.js';
import { parseProgressLog } from '../../../src/build/progress.js';

const logs = join(import.meta.dirname, 'logs');
const read = (name: string) => readFileSync(join(logs, name), 'utf8');

describe('locateFailure', () => {
  it('places a failed RUN on its Dockerfile line (20.10 prints no line)', () => {
    const df = parseDockerfile(read('engine-20.10-fail.Dockerfile'), 'Dockerfile');
    const point = locateFailure(parseProgressLog(read('engine-20.10-fail.log')), df);
    assert.equal(point.step, 'deps 4/4');
    assert.equal(point.line, 4);
    assert.match(point.message, /exit code: 3/);
    assert.deepEqual(point.output, ['installing', 'boom']);
  });

  it('points a missing base image at its FROM line', () => {
    const df = parseDockerfile(read('engine-20.10-missing-base.Dockerfile'), 'Dockerfile');
    const point = locateFailure(parseProgressLog(read('engine-20.10-missing-base.log')), df);
    assert.equal(point.step, undefined);
    assert.equal(point.instruction, '[internal] load metadata for docker.io/nosuch/image:1');
    assert.equal(point.line, 3);
  });

  it('takes the line from a parse error with no failed vertex', () => {
    const point = locateFailure(parseProgressLog(read('engine-20.10-syntax.log')));
    assert.equal(point.line, 3);
    assert.match(point.message, /unknown instruction: X/);
  });

  it('uses the line buildx prints', () => {
    const point = locateFailure(parseProgressLog(read('buildx-fail.log')));
    assert.equal(point.line, 4);
    assert.equal(point.step, 'deps 4/4');
  });
});

describe('instructionForLabel', () => {
  const df = parseDockerfile(['FROM node:20 AS deps', 'ARG X=1', 'WORKDIR /app', 'ENV A=b', 'COPY a ./', 'RUN make', '', 'FROM node:20', 'COPY --from=deps /app /app', 'USER 1000'].join('\n'), 'Dockerfile');
  it('counts only FROM, RUN, COPY, ADD and WORKDIR, as BuildKit does', () => {
    assert.equal(instructionForLabel(df, { stage: 'deps', index: 4, total: 4, instruction: 'RUN make' })?.line, 6);
    assert.equal(instructionForLabel(df, { stage: 'deps', index: 2, total: 4, instruction: 'WORKDIR /app' })?.line, 3);
    assert.equal(instructionForLabel(df, { stage: 'stage-1', index: 2, total: 2, instruction: 'COPY --from=deps /app /app' })?.line, 9);
  });
  it('falls back to the text when the count disagrees', () => {
    assert.equal(instructionForLabel(df, { stage: 'deps', index: 9, total: 9, instruction: 'RUN make' })?.line, 6);
  });
});
