import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/dockerfile/parse.js';
import { instructionFromCreatedBy, mapLayers } from '../../../src/build/layers.js';
import type { HistoryEntry } from '../../../src/engine/docker.js';

describe('instructionFromCreatedBy', () => {
  it('turns history commands back into instructions', () => {
    assert.equal(instructionFromCreatedBy('RUN /bin/sh -c npm ci # buildkit'), 'RUN npm ci');
    assert.equal(instructionFromCreatedBy('RUN |2 A=1 B=2 /bin/sh -c make # buildkit'), 'RUN make');
    assert.equal(instructionFromCreatedBy('/bin/sh -c #(nop)  CMD ["node"]'), 'CMD ["node"]');
    assert.equal(instructionFromCreatedBy('/bin/sh -c apt-get update'), 'RUN apt-get update');
    assert.equal(instructionFromCreatedBy('COPY . . # buildkit'), 'COPY . .');
    assert.equal(instructionFromCreatedBy('EXPOSE map[8080/tcp:{}]'), 'EXPOSE 8080/tcp');
  });
});

const h = (createdBy: string, size: number): HistoryEntry => ({ createdBy, size, createdAt: '', comment: 'buildkit.dockerfile.v0' });

describe('mapLayers', () => {
  const df = parseDockerfile(
    ['FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', '', 'FROM node:20-slim AS runtime', 'WORKDIR /app', 'ARG V=1', 'COPY --from=build /app/node_modules ./node_modules', 'USER 1000', 'CMD ["node", "server.js"]'].join('\n'),
    'Dockerfile',
  );
  // docker history is newest first
  const history = [
    h('CMD ["node" "server.js"]', 0),
    h('USER 1000', 0),
    h('COPY /app/node_modules ./node_modules # buildkit', 3000),
    h('WORKDIR /app', 0),
    h('CMD ["node"]', 0),
    h('COPY node /usr/local/bin/node # buildkit', 99000),
    h('', 74000),
  ];

  it('labels the base image layers and places the rest on the final stage lines', () => {
    const layers = mapLayers({ history, baseEntries: 3, baseName: 'node:20-slim', dockerfile: df });
    assert.equal(layers.length, 7);
    assert.deepEqual(layers.slice(0, 3).map((l) => [l.base, l.stage]), [[true, 'base (node:20-slim)'], [true, 'base (node:20-slim)'], [true, 'base (node:20-slim)']]);
    assert.deepEqual(
      layers.slice(3).map((l) => [l.stage, l.line, l.instruction, l.empty]),
      [
        ['runtime', 7, 'WORKDIR /app', true],
        ['runtime', 9, 'COPY --from=build /app/node_modules ./node_modules', false],
        ['runtime', 10, 'USER 1000', true],
        ['runtime', 11, 'CMD ["node", "server.js"]', true],
      ],
    );
    assert.equal(layers.reduce((a, l) => a + l.size, 0), 176000);
  });

  it('works without a Dockerfile (no lines, the final stage unnamed)', () => {
    const layers = mapLayers({ history, baseEntries: 0 });
    assert.ok(layers.every((l) => !l.base && l.line === undefined));
    assert.equal(layers[0]!.size, 74000, 'oldest first');
  });

  it('a final stage built FROM an earlier stage: its layers are placed in both stages', () => {
    const chain = parseDockerfile(['FROM debian:bookworm-slim AS os', 'RUN apt-get update', 'FROM os AS app', 'COPY app /app', 'CMD ["/app"]'].join('\n'), 'Dockerfile');
    const layers = mapLayers({
      history: [h('CMD ["/app"]', 0), h('COPY app /app # buildkit', 10), h('RUN /bin/sh -c apt-get update # buildkit', 20000), h('', 74000)],
      baseEntries: 1,
      baseName: 'debian:bookworm-slim',
      dockerfile: chain,
    });
    assert.deepEqual(layers.map((l) => [l.stage, l.line ?? null]), [['base (debian:bookworm-slim)', null], ['os', 2], ['app', 4], ['app', 5]]);
  });

  it('--target picks the stage the layers are matched against', () => {
    const layers = mapLayers({ history: [h('RUN /bin/sh -c npm ci # buildkit', 5), h('COPY . . # buildkit', 1), h('WORKDIR /app', 0)], baseEntries: 0, dockerfile: df, target: 'build' });
    assert.deepEqual(layers.map((l) => [l.stage, l.line]), [['build', 2], ['build', 3], ['build', 4]]);
  });
});
