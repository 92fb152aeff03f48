/**
 * The HTML report in a real browser (issue 4): reports of real images, one and two side by side,
 * are opened in headless Chromium; the DOM after the inline script ran must hold the charts (SVG
 * rects with non-zero sizes), and a screenshot of each is kept under test-artifacts/.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectImage } from '../../src/image/inspect.js';
import { renderReport } from '../../src/report/html.js';
import { checkEngine, exec, repoRoot, skipRequested, tail } from './harness.js';

const chromium = process.env.STAGECRAFT_CHROMIUM ?? '/usr/bin/chromium';
const skip = skipRequested() ? 'STAGECRAFT_E2E_SKIP=1' : !existsSync(chromium) && !process.env.CI ? `no Chromium at ${chromium} (apt-get install chromium)` : false;
const shots = join(repoRoot, 'test-artifacts', 'report');

/** Headless Chromium as the machine's notes say it works here: no background networking, a fresh profile. */
async function browser(args: string[]): Promise<{ code: number; stdout: string; output: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'stagecraft-chromium-'));
  try {
    return await exec(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, ...args],
      { timeoutMs: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

interface Rect {
  cls: string;
  width: number;
  height: number;
}

function rects(dom: string): Rect[] {
  const out: Rect[] = [];
  for (const m of dom.matchAll(/<rect\b([^>]*)>/g)) {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
    out.push({ cls: attr('class'), width: Number(attr('width')), height: Number(attr('height')) });
  }
  return out;
}

async function renderAndCheck(name: string, html: string, expect: { layerBars: number; compare: boolean }): Promise<void> {
  const file = join(shots, `${name}.html`);
  writeFileSync(file, html);
  const dom = await browser(['--dump-dom', '--window-size=1280,1800', `file://${file}`]);
  assert.equal(dom.code, 0, tail(dom.output, 10));
  writeFileSync(join(shots, `${name}.dom.html`), dom.stdout);
  assert.match(dom.stdout, /<body[^>]*data-rendered="true"/, 'the inline script ran to the end');
  const all = rects(dom.stdout);
  const bars = all.filter((r) => r.cls === 'layer-bar');
  assert.equal(bars.length, expect.layerBars, 'one bar per layer');
  assert.ok(bars.filter((r) => r.width > 0 && r.height > 0).length >= Math.ceil(expect.layerBars / 2), 'layer bars have sizes');
  const cells = all.filter((r) => r.cls === 'treemap-rect' && r.width > 1 && r.height > 1);
  assert.ok(cells.length >= 3, `treemap boxes drawn (${cells.length})`);
  if (expect.compare) assert.equal(all.filter((r) => r.cls === 'compare-bar' && r.width > 0).length, 2, 'two bars side by side');
  const png = join(shots, `${name}.png`);
  const shot = await browser([`--screenshot=${png}`, '--window-size=1280,1800', '--hide-scrollbars', `file://${file}`]);
  assert.equal(shot.code, 0, tail(shot.output, 10));
  assert.ok(statSync(png).size > 20_000, 'a screenshot with something on it');
}

describe('HTML report in headless Chromium', { skip }, () => {
  before(async () => {
    if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium}: apt-get install -y --no-install-recommends chromium`);
    const engine = await checkEngine();
    if (!engine.ok) throw new Error(engine.problem);
    mkdirSync(shots, { recursive: true });
  });

  it('one image: layer chart and folder treemap render', async () => {
    const r = await inspectImage('node:20-slim');
    await renderAndCheck('report-node20-slim', renderReport({ images: [r], generatedAt: 'e2e' }), { layerBars: r.layers.length, compare: false });
  });

  it('two images side by side (build --compare): both columns and the size bars render', async () => {
    const small = await inspectImage('node:20-slim');
    const big = await inspectImage('node:20');
    const html = renderReport({ images: [small, big], labels: ['node:20-slim', 'node:20'], generatedAt: 'e2e' });
    await renderAndCheck('report-compare', html, { layerBars: small.layers.length + big.layers.length, compare: true });
  });
});
