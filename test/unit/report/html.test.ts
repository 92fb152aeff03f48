import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArchive } from '../../../src/image/analyze.js';
import { renderReport } from '../../../src/report/html.js';
import { bytes, classicArchive, packTar, tempFile } from '../image/archive-builder.js';

async function sample(tag: string, appBytes: number) {
  const l0 = await packTar([{ name: 'usr/', type: 'directory' }, { name: 'usr/lib/libc.so', content: bytes(20000) }]);
  const l1 = await packTar([{ name: 'app/', type: 'directory' }, { name: 'app/main.js', content: bytes(appBytes) }, { name: 'app/</script><b>x', content: 'x' }]);
  return analyzeArchive(tempFile(await classicArchive([l0, l1], { tag })));
}

const dataOf = (html: string) => JSON.parse(/<script type="application\/json" id="stagecraft-data">(.*?)<\/script>/s.exec(html)![1]!);

describe('HTML report', () => {
  it('is one self-contained page: inline style and script, nothing fetched', async () => {
    const html = renderReport({ images: [await sample('demo:1', 5000)] });
    assert.match(html, /^<!doctype html>/);
    assert.ok(!/<link\b|<img\b|\bsrc=|@import|url\(/i.test(html), 'no external resources');
    assert.ok(!/https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(html), 'no network address other than the SVG namespace name');
    assert.match(html, /<style>[\s\S]+<\/style>/);
    assert.match(html, /id="layers-0"/);
    assert.match(html, /id="treemap-0"/);
  });

  it('embeds the chart data safely: a file name cannot close the script or inject markup', async () => {
    const r = await sample('demo:1', 5000);
    const html = renderReport({ images: [r] });
    assert.equal((html.match(/<\/script>/g) ?? []).length, 2);
    assert.ok(!html.includes('<b>x'));
    const data = dataOf(html);
    assert.equal(data.images[0].size, r.size);
    assert.deepEqual(data.images[0].layers.map((l: { size: number }) => l.size), r.layers.map((l) => l.size));
    assert.equal(data.images[0].folders.size, r.filesystemBytes);
  });

  it('shows two images side by side with the size ratio', async () => {
    const small = await sample('app:multi-stage', 1000);
    const big = await sample('app:naive', 200000);
    const html = renderReport({ images: [small, big], labels: ['multi-stage', 'naive baseline'], build: { seconds: 12.34, cachedSteps: 3, totalSteps: 9 } });
    assert.match(html, /<body class="two">/);
    assert.match(html, /id="compare-chart"/);
    assert.match(html, /id="layers-1"/);
    const ratio = big.size / small.size;
    assert.match(html, new RegExp(`${ratio.toFixed(1).replace('.', '\\.')}×</b> smaller than naive baseline`));
    assert.match(html, /built in 12\.3 s · 3\/9 steps from cache/);
    assert.deepEqual(dataOf(html).labels, ['multi-stage', 'naive baseline']);
  });

  it('labels both waste figures', async () => {
    const html = renderReport({ images: [await sample('demo:1', 5000)] });
    assert.match(html, /<th[^>]*>stagecraft<\/th>/);
    assert.match(html, /<th[^>]*>dive-compatible<\/th>/);
  });
});
