import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findNode, mergeLayers, walkTree } from '../../../src/image/filetree.js';
import { toLayerEntry } from '../../../src/image/layer.js';
import type { LayerEntry } from '../../../src/image/types.js';

const f = (path: string, size = 0): LayerEntry => ({ path, kind: 'file', size });
const d = (path: string): LayerEntry => ({ path, kind: 'dir', size: 0 });
const wh = (path: string): LayerEntry => ({ path, kind: 'file', size: 0, whiteout: 'file' });
const opq = (path: string): LayerEntry => ({ path, kind: 'file', size: 0, whiteout: 'opaque' });
const paths = (layers: LayerEntry[][]) => [...walkTree(mergeLayers(layers).root)].map((n) => n.path);

describe('layer entries', () => {
  it('normalises names and recognises whiteouts, opaque markers and invalid bare .wh.', () => {
    assert.deepEqual(toLayerEntry('./usr/bin/', 'directory', 0, undefined, 0o755), { path: 'usr/bin', kind: 'dir', size: 0, mode: 0o755 });
    assert.deepEqual(toLayerEntry('app/.wh.old.js', 'file', 0), { path: 'app/old.js', kind: 'file', size: 0, whiteout: 'file' });
    assert.deepEqual(toLayerEntry('.wh.top', 'file', 0), { path: 'top', kind: 'file', size: 0, whiteout: 'file' });
    assert.deepEqual(toLayerEntry('app/.wh..wh..opq', 'file', 0), { path: 'app', kind: 'file', size: 0, whiteout: 'opaque' });
    assert.equal(toLayerEntry('app/.wh.', 'file', 0)?.whiteout, undefined);
    assert.equal(toLayerEntry('./', 'directory', 0), undefined);
    assert.equal(toLayerEntry('usr/lib/libx.so', 'link', 0, 'usr/lib/liby.so')?.linkname, 'usr/lib/liby.so');
  });
});

describe('merging layers', () => {
  it('a whiteout deletes a file or a whole folder from lower layers', () => {
    assert.deepEqual(paths([[d('a'), f('a/x', 1), f('a/y', 2), f('b', 3)], [wh('a'), wh('b')]]), []);
    assert.deepEqual(paths([[d('a'), f('a/x', 1), f('a/y', 2)], [wh('a/x')]]), ['/a', '/a/y']);
  });

  it('an opaque marker hides every lower child, before its own layer\'s siblings whatever their order', () => {
    const lower = [d('o'), f('o/old', 400), d('o/sub'), f('o/sub/deep', 5)];
    assert.deepEqual(paths([lower, [f('o/new', 100), opq('o')]]), ['/o', '/o/new']);
    assert.deepEqual(paths([lower, [opq('o'), f('o/new', 100)]]), ['/o', '/o/new']);
    const t = mergeLayers([lower, [f('o/new', 100), opq('o')]]);
    assert.deepEqual(t.dead.map((x) => [x.path, x.bytes, x.killedBy]).sort(), [['/o/old', 400, 1], ['/o/sub/deep', 5, 1]]);
  });

  it('a directory over a directory keeps its children; a file over a directory replaces it', () => {
    assert.deepEqual(paths([[d('a'), f('a/x', 1)], [d('a'), f('a/z', 1)]]), ['/a', '/a/x', '/a/z']);
    const t = mergeLayers([[d('a'), f('a/x', 7)], [f('a', 3)]]);
    assert.deepEqual([...walkTree(t.root)].map((n) => [n.path, n.node.kind, n.node.size]), [['/a', 'file', 3]]);
    assert.deepEqual(t.dead.map((x) => [x.path, x.bytes]), [['/a/x', 7]]);
  });

  it('an overwritten file leaves its old copy dead; later copies live', () => {
    const t = mergeLayers([[f('big', 1000)], [f('big', 10)]]);
    assert.equal(findNode(t.root, '/big')?.size, 10);
    assert.deepEqual(t.dead, [{ path: '/big', bytes: 1000, layer: 0, killedBy: 1 }]);
  });

  it('a hard link keeps the content alive when the original name is deleted', () => {
    const link: LayerEntry = { path: 'app/hard', kind: 'hardlink', size: 0, linkname: 'app/big' };
    const t = mergeLayers([[d('app'), f('app/big', 100000), link], [wh('app/big')]]);
    assert.equal(t.dead.length, 0);
    assert.equal(findNode(t.root, '/app/hard')?.size, 100000);
    // Deleting both names frees it.
    const t2 = mergeLayers([[d('app'), f('app/big', 100000), link], [wh('app/big'), wh('app/hard')]]);
    assert.deepEqual(t2.dead.map((x) => x.bytes), [100000]);
  });

  it('parents that a layer does not list are created; a file in the way of a parent is replaced', () => {
    const t = mergeLayers([[f('x', 5)], [f('x/y/z', 1)]]);
    assert.deepEqual([...walkTree(t.root)].map((n) => n.path), ['/x', '/x/y', '/x/y/z']);
    assert.deepEqual(t.dead.map((x) => x.path), ['/x']);
  });
});
