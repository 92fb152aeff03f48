import { formatBytes } from '../image/units.js';
import type { Finding, ImageReport } from '../image/types.js';
import { reportStyle } from './style.js';
import { reportScript } from './script.js';

/** What a report shows: one image, or two side by side (the image first, then its baseline). */
export interface ReportData {
  images: ImageReport[];
  title?: string;
  /** Column headings for a side-by-side report, e.g. ['multi-stage', 'naive baseline']. */
  labels?: string[];
  /** Build facts to show when the report comes from `stagecraft build`. */
  build?: { seconds?: number; cachedSteps?: number; totalSteps?: number };
  /** Shown in the footer (default: now). */
  generatedAt?: string;
}

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

/** The slice of the analysis the charts read (no file list: the page stays small). */
function chartData(r: ImageReport) {
  return {
    name: r.name,
    size: r.size,
    layers: r.layers.map((l) => ({ index: l.index, size: l.size, createdBy: l.createdBy, fromBase: l.fromBase })),
    folders: r.folders,
  };
}

/** JSON inside a <script> element: `</script>` and friends must not end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function configTable(r: ImageReport): string {
  const c = r.config;
  const rows: [string, string][] = [
    ['user', c.user ? esc(c.user) : '<span class="warn">(none: runs as root)</span>'],
    ['entrypoint', c.entrypoint ? `<code>${esc(JSON.stringify(c.entrypoint))}</code>` : '—'],
    ['cmd', c.cmd ? `<code>${esc(JSON.stringify(c.cmd))}</code>` : '—'],
    ['workdir', esc(c.workdir || '—')],
    ['exposed ports', esc(c.exposedPorts.join(', ') || '—')],
    ['healthcheck', c.healthcheck ? `<code>${esc(c.healthcheck.test.join(' '))}</code>` : '<span class="muted">none</span>'],
    ['platform', esc(`${r.platform.os}/${r.platform.architecture}${r.platform.variant ? `/${r.platform.variant}` : ''}`)],
    ['env', c.env.length ? c.env.map((e) => `<code>${esc(e)}</code>`).join('<br>') : '—'],
  ];
  return `<table class="kv">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`;
}

function wasteTable(r: ImageReport): string {
  const d = r.waste.dive;
  const s = r.waste.stagecraft;
  return `<table class="grid waste">
<tr><th></th><th>efficiency</th><th>wasted</th><th>user wasted</th></tr>
<tr><th title="${esc(s.label)}">stagecraft</th><td>${pct(s.efficiency)}</td><td>${formatBytes(s.wastedBytes)}</td><td>${pct(s.userWastedPercent)}</td></tr>
<tr><th title="${esc(d.label)}">dive-compatible</th><td>${pct(d.efficiency)}</td><td>${formatBytes(d.wastedBytes)}</td><td>${pct(d.userWastedPercent)}</td></tr>
</table>
<p class="note">stagecraft: only reclaimable bytes (every copy but the one kept), opaque whiteouts honoured, ${r.base.layers} base-image layer${r.base.layers === 1 ? '' : 's'} as base. dive-compatible: dive's formulas, for existing thresholds.</p>
${s.reclaimable.length ? `<table class="grid small"><tr><th>reclaimable</th><th>path</th></tr>${s.reclaimable.slice(0, 8).map((w) => `<tr><td class="num">${formatBytes(w.bytes)}</td><td><code>${esc(w.path)}</code></td></tr>`).join('')}</table>` : ''}`;
}

function findingsList(findings: Finding[]): string {
  const shown = findings.filter((f) => f.severity !== 'note');
  const notes = findings.length - shown.length;
  if (shown.length === 0) return `<p class="ok">Nothing that should not ship${notes ? ` <span class="muted">(${notes} note${notes === 1 ? '' : 's'}, in the base image or minor)</span>` : ''}.</p>`;
  return `<ul class="findings">${shown
    .slice(0, 30)
    .map((f) => `<li class="${f.severity}"><span class="sev">${f.severity}</span> <b>${esc(f.code)}</b> ${esc(f.message)}${f.bytes ? ` <span class="muted">${formatBytes(f.bytes)}</span>` : ''}</li>`)
    .join('')}</ul>${shown.length > 30 ? `<p class="muted">and ${shown.length - 30} more</p>` : ''}${notes ? `<p class="muted">${notes} note${notes === 1 ? '' : 's'} not shown.</p>` : ''}`;
}

function largestFiles(r: ImageReport): string {
  return `<table class="grid small"><tr><th>size</th><th>file</th><th>layer</th></tr>${r.largestFiles
    .slice(0, 12)
    .map((f) => `<tr><td class="num">${formatBytes(f.size)}</td><td><code>${esc(f.path)}</code></td><td class="num">${f.layer}</td></tr>`)
    .join('')}</table>`;
}

function imageColumn(r: ImageReport, i: number, label?: string): string {
  return `<section class="image" data-image="${i}">
<header><h2>${label && label !== r.name ? `${esc(label)}: ` : ''}<span class="name">${esc(r.name)}</span></h2>
<div class="stats"><div><b>${formatBytes(r.size)}</b><span>size</span></div><div><b>${r.layers.length}</b><span>layers</span></div><div><b>${r.fileCount.toLocaleString('en-US')}</b><span>files</span></div><div><b>${pct(r.waste.stagecraft.efficiency)}</b><span>efficiency</span></div><div><b>${esc(r.user || 'root')}</b><span>user</span></div></div></header>
<div class="card"><h3>Layers</h3><div class="chart-host" id="layers-${i}"></div></div>
<div class="card"><h3>Largest folders</h3><div class="chart-host" id="treemap-${i}"></div></div>
<div class="card"><h3>Waste</h3>${wasteTable(r)}</div>
<div class="card"><h3>Should not ship</h3>${findingsList(r.findings)}</div>
<div class="card"><h3>Config</h3>${configTable(r)}</div>
<div class="card"><h3>Largest files</h3>${largestFiles(r)}</div>
</section>`;
}

/** One self-contained HTML page (inline CSS, JS and SVG; nothing fetched) for one image or two side by side. */
export function renderReport(data: ReportData): string {
  if (data.images.length === 0) throw new Error('renderReport: no image to show');
  const images = data.images.slice(0, 2);
  const compare = images.length === 2;
  const title = data.title ?? (compare ? `${images[0]!.name} vs ${images[1]!.name}` : images[0]!.name);
  const ratio = compare && images[0]!.size > 0 ? images[1]!.size / images[0]!.size : undefined;
  const b = data.build;
  const buildFacts = b
    ? `<p class="build">${b.seconds !== undefined ? `built in ${b.seconds.toFixed(1)} s` : ''}${b.totalSteps !== undefined ? ` · ${b.cachedSteps ?? 0}/${b.totalSteps} steps from cache` : ''}</p>`
    : '';
  const summary = compare
    ? `<div class="card compare"><h3>Size</h3><div class="chart-host" id="compare-chart"></div><p class="ratio"><b>${ratio === undefined ? '—' : ratio >= 1 ? `${ratio.toFixed(1)}×` : `${(1 / ratio).toFixed(1)}×`}</b> ${ratio === undefined || ratio >= 1 ? 'smaller' : 'larger'} than ${esc(data.labels?.[1] ?? images[1]!.name)} (${formatBytes(images[0]!.size)} vs ${formatBytes(images[1]!.size)})</p></div>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>stagecraft report: ${esc(title)}</title>
<style>${reportStyle}</style></head>
<body class="${compare ? 'two' : 'one'}">
<header class="top"><h1><span class="brand">stagecraft</span> image report</h1><p class="subtitle">${esc(title)}</p>${buildFacts}</header>
${summary}
<main class="columns">${images.map((r, i) => imageColumn(r, i, data.labels?.[i])).join('\n')}</main>
<footer>Generated by stagecraft${data.generatedAt ? ` on ${esc(data.generatedAt)}` : ''}. Sizes are uncompressed, as <code>docker image inspect</code> counts them.</footer>
<noscript><p>The charts need JavaScript; the tables above hold the same figures.</p></noscript>
<script type="application/json" id="stagecraft-data">${scriptJson({ images: images.map(chartData), labels: data.labels ?? [] })}</script>
<script>${reportScript}</script>
</body></html>
`;
}
