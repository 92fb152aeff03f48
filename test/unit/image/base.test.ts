import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { baseFromDiffIds, guessBase } from '../../../src/image/base.js';
import type { HistoryItem } from '../../../src/image/types.js';

const h = (createdBy: string, created: string, emptyLayer = false): HistoryItem => ({ createdBy, created, emptyLayer });

describe('telling the base image\'s layers from the user\'s', () => {
  it('exactly, from the base image\'s layer digests', () => {
    const history = [h('', 't'), h('COPY a', 't'), h('CMD ["x"]', 't', true), h('RUN b', 't')];
    assert.deepEqual(baseFromDiffIds(['sha256:1', 'sha256:2', 'sha256:3'], ['sha256:1', 'sha256:2'], history), { layers: 2, source: 'given', historyEntries: 2 });
  });

  it('from the base\'s CMD/ENTRYPOINT in the history, even when a cached step kept an old time', () => {
    const history = [
      h('', '2026-01-01T00:00:00Z'),
      h('COPY node /usr/local/bin/node # buildkit', '2026-01-01T00:00:02Z'),
      h('ENV NODE_VERSION=20', '2026-01-01T00:00:02Z', true),
      h('CMD ["node"]', '2026-01-01T00:00:02Z', true),
      h('WORKDIR /app', '2026-02-01T00:00:00Z'), // cached from an older build
      h('COPY app . # buildkit', '2026-03-01T00:00:00Z'),
      h('CMD ["node","server.js"]', '2026-03-01T00:00:00Z', true),
    ];
    assert.deepEqual(guessBase(history, 4), { layers: 2, source: 'history-cmd', historyEntries: 4 });
  });

  it('from the largest jump in the timestamps when the base left no CMD', () => {
    const history = [h('', '2026-01-01T00:00:00Z'), h('RUN a # buildkit', '2026-03-01T10:00:00Z'), h('RUN b # buildkit', '2026-03-01T10:00:30Z')];
    assert.deepEqual(guessBase(history, 3), { layers: 1, source: 'history-timestamps', historyEntries: 1 });
  });

  it('else the first layer, as dive assumes', () => {
    const same = [h('', '2026-01-01T00:00:00Z'), h('RUN a', '2026-01-01T00:00:00Z')];
    assert.deepEqual(guessBase(same, 2), { layers: 1, source: 'first-layer', historyEntries: 1 });
    assert.equal(guessBase([], 0).layers, 0);
  });
});
