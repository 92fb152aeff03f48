import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diveAnalysis } from '../../../src/image/dive.js';
import { correctedWaste } from '../../../src/image/waste.js';
import { mergeLayers } from '../../../src/image/filetree.js';
import type { LayerEntry } from '../../../src/image/types.js';

const f = (path: string, size = 0): LayerEntry => ({ path, kind: 'file', size });
const d = (path: string): LayerEntry => ({ path, kind: 'dir', size: 0 });
const wh = (path: string): LayerEntry => ({ path, kind: 'file', size: 0, whiteout: 'file' });
const opq = (path: string): LayerEntry => ({ path, kind: 'file', size: 0, whiteout: 'opaque' });
const content = (layers: LayerEntry[][]) => layers.map((l) => l.reduce((a, e) => a + (e.kind === 'file' && !e.whiteout ? e.size : 0), 0));

describe('dive-compatible figures (hand-computed)', () => {
  // layer 0: /a 1000, /b 500, /d/x 200, /d/y 300; layer 1: /a again (1000), deletes /b and the folder /d.
  const layers = [[f('a', 1000), f('b', 500), d('d'), f('d/x', 200), f('d/y', 300)], [f('a', 1000), wh('b'), wh('d')]];

  it('efficiency = smallest copies / all copies; a folder whiteout counts the lower subtree, a file whiteout 0', () => {
    // paths: /a 1000+1000 (min 1000), /b 500+0 (min 0), /d/x 200, /d/y 300, /d (whiteout of a folder) 500 (min 500)
    const r = diveAnalysis(layers);
    assert.equal(r.efficiency, (1000 + 0 + 200 + 300 + 500) / (2000 + 500 + 200 + 300 + 500));
  });

  it('wasted bytes counts ALL copies of a path seen twice, the first one included (dive\'s upstream quirk)', () => {
    const r = diveAnalysis(layers);
    assert.equal(r.wastedBytes, 2000 + 500);
    assert.deepEqual(r.inefficient.map((w) => [w.path, w.copies, w.bytes]), [['/a', 2, 2000], ['/b', 2, 500]]);
  });

  it('user wasted percent divides by every layer but the first', () => {
    const r = diveAnalysis(layers);
    assert.deepEqual(r.layerSizes, [2000, 1000]);
    assert.equal(r.userWastedPercent, 2500 / 1000);
  });

  it('opaque markers neither hide lower files nor count as waste', () => {
    const r = diveAnalysis([[d('o'), f('o/old', 400)], [d('o'), opq('o'), f('o/new', 100)]]);
    assert.equal(r.efficiency, 1);
    assert.equal(r.wastedBytes, 0);
  });

  it('an empty image scores 1.0, and a single layer wastes nothing', () => {
    assert.equal(diveAnalysis([]).efficiency, 1);
    const one = diveAnalysis([[f('x', 10), f('y', 20)]]);
    assert.equal(one.efficiency, 1);
    assert.equal(one.wastedBytes, 0);
    assert.equal(one.userWastedPercent, 0);
  });

  it('three copies of one file: 3x the size wasted, efficiency a third', () => {
    const r = diveAnalysis([[f('f', 300)], [f('f', 300)], [f('f', 300)]]);
    assert.equal(r.wastedBytes, 900);
    assert.equal(r.efficiency, 300 / 900);
    assert.equal(r.userWastedPercent, 900 / 600);
  });
});

describe('stagecraft figures (hand-computed)', () => {
  it('counts only reclaimable bytes: every copy but the one kept', () => {
    const layers = [[f('a', 1000), f('b', 500), d('d'), f('d/x', 200), f('d/y', 300)], [f('a', 1000), wh('b'), wh('d')]];
    const r = correctedWaste(content(layers), mergeLayers(layers).dead, 1);
    // All copies 3000, kept: /a (layer 1) 1000 -> 2000 reclaimable.
    assert.equal(r.wastedBytes, 2000);
    assert.equal(r.efficiency, 1000 / 3000);
    assert.equal(r.userWastedPercent, 2000 / 1000);
  });

  it('honours opaque markers', () => {
    const layers = [[d('o'), f('o/old', 400)], [d('o'), opq('o'), f('o/new', 100)]];
    const r = correctedWaste(content(layers), mergeLayers(layers).dead, 1);
    assert.equal(r.wastedBytes, 400);
    assert.equal(r.efficiency, 100 / 500);
  });

  it('treats every base-image layer as base: waste the base made itself is not the user\'s', () => {
    // layers 0-1 are the base (it overwrote /lib/x itself); layer 2 is the user's, which deletes /tmp/cache.
    const layers = [[f('lib/x', 700), f('tmp/cache', 50)], [f('lib/x', 700)], [wh('tmp/cache'), f('app/main', 250)]];
    const dead = mergeLayers(layers).dead;
    const r = correctedWaste(content(layers), dead, 2);
    assert.equal(r.wastedBytes, 750);
    assert.equal(r.userBytes, 250);
    assert.equal(r.userWastedPercent, 50 / 250);
    // dive, with only layer 0 as base, blames the user layers for the base's own overwrite.
    const dv = diveAnalysis(layers);
    assert.equal(dv.wastedBytes, 1400 + 50);
    assert.equal(dv.userWastedPercent, 1450 / 950);
  });
});
