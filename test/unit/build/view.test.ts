import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProgressParser } from '../../../src/build/progress.js';
import { LiveView, PlainView, type ProgressView } from '../../../src/build/view.js';

const log = readFileSync(join(import.meta.dirname, 'logs', 'engine-20.10-edit.log'), 'utf8');
const plainColors = { green: String, red: String, dim: String, bold: String, cyan: String, yellow: String } as never;

function replay(view: ProgressView): void {
  const p = new ProgressParser(() => 0);
  for (const e of p.push(log)) view.event(e, p);
  view.finish(p, true);
}

describe('PlainView', () => {
  it('prints one line per finished step, cached or not', () => {
    let out = '';
    replay(new PlainView({ write: (s) => (out += s), title: 't', colors: plainColors }));
    const lines = out.trimEnd().split('\n');
    assert.ok(lines.includes('[runtime 4/4] COPY server.js ./  done 0.0s'));
    assert.ok(lines.includes('[deps 4/4] RUN echo installing && sleep 1 && mkdir -p node_modules && echo x > node_modules/a  cached'));
    assert.ok(!out.includes('\x1b['), 'no escape codes');
    assert.ok(!out.includes('[internal]'));
  });
});

describe('LiveView', () => {
  it('redraws a few lines in place with ANSI cursor movement', () => {
    let out = '';
    const view = new LiveView({ write: (s) => (out += s), title: 'stagecraft-local/app:latest', colors: plainColors, now: () => 0 }, 3);
    replay(view);
    assert.match(out, /\x1b\[\d+F\x1b\[J/, 'moves up and clears');
    const p = new ProgressParser(() => 0);
    p.push(log);
    const frame = view.frame(p, true);
    assert.equal(frame[0], 'built stagecraft-local/app:latest  0.0s  5 steps (4 cached)');
    assert.equal(frame.length, 4, 'the header and the last 3 steps');
    assert.match(frame[3]!, /runtime 4\/4 +COPY server\.js \.\/ +0\.0s$/);
  });
});
