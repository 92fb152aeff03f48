import { formatBytes } from '../units.js';
import { plainPalette, type Palette } from '../../util/palette.js';
import type { FolderNode, ImageReport } from '../types.js';
import type { ThresholdCheck } from '../thresholds.js';


const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

/** The terminal view of an inspection: config, layers, waste (both figures), largest files and folders, findings. */
export function formatInspectText(r: ImageReport, checks: ThresholdCheck[] = [], c: Palette = plainPalette): string {
  const out: string[] = [];
  out.push(`${c.bold(r.name)}  ${formatBytes(r.size)}  ${r.layers.length} layers  ${r.platform.os}/${r.platform.architecture}${r.platform.variant ? `/${r.platform.variant}` : ''}  (${r.archiveLayout} archive)`);
  const cfg = r.config;
  out.push('', c.bold('Config'));
  out.push(`  user        ${cfg.user || '(none: root)'}${cfg.runsAsRoot ? c.yellow('  runs as root') : ''}`);
  if (cfg.entrypoint) out.push(`  entrypoint  ${JSON.stringify(cfg.entrypoint)}`);
  if (cfg.cmd) out.push(`  cmd         ${JSON.stringify(cfg.cmd)}`);
  if (cfg.workdir) out.push(`  workdir     ${cfg.workdir}`);
  if (cfg.exposedPorts.length) out.push(`  ports       ${cfg.exposedPorts.join(', ')}`);
  out.push(`  healthcheck ${cfg.healthcheck ? cfg.healthcheck.test.join(' ') : '(none)'}`);
  for (const e of cfg.env) out.push(`  env         ${truncate(e, 100)}`);
  out.push('', c.bold('Layers') + c.dim(`  (${r.base.layers} from the base image, ${r.base.source === 'given' ? 'as given' : r.base.source === 'history-cmd' ? 'up to the base image\'s CMD/ENTRYPOINT in the history' : r.base.source === 'history-timestamps' ? 'told by the history timestamps' : 'assumed: the first layer; set --base'})`));
  for (const l of r.layers) {
    const mark = l.fromBase ? c.dim('base') : '    ';
    out.push(`  ${pad(String(l.index), 3, true)} ${mark} ${pad(formatBytes(l.size), 10, true)}  ${truncate(l.createdBy || '(no history)', 90)}`);
  }
  const d = r.waste.dive;
  const s = r.waste.stagecraft;
  out.push('', c.bold('Waste'));
  out.push(`  dive-compatible  efficiency ${pct(d.efficiency)}  wasted ${formatBytes(d.wastedBytes)}  user wasted ${pct(d.userWastedPercent)}`);
  out.push(`  stagecraft       efficiency ${pct(s.efficiency)}  wasted ${formatBytes(s.wastedBytes)}  user wasted ${pct(s.userWastedPercent)}`);
  out.push(c.dim('  (dive: every copy of a path counts, opaque markers ignored, only layer 0 is base; stagecraft: only reclaimable bytes, opaque markers honoured, every base-image layer is base)'));
  for (const w of s.reclaimable.slice(0, 5)) out.push(`    ${pad(formatBytes(w.bytes), 10, true)}  ${w.path}${w.copies > 1 ? c.dim(` (${w.copies} dead copies)`) : ''}`);
  out.push('', c.bold('Largest folders'));
  for (const f of topFolders(r.folders, 10)) out.push(`  ${pad(formatBytes(f.size), 10, true)}  ${f.path}`);
  out.push('', c.bold('Largest files'));
  for (const f of r.largestFiles.slice(0, 10)) out.push(`  ${pad(formatBytes(f.size), 10, true)}  ${f.path}${c.dim(` (layer ${f.layer})`)}`);
  const shown = r.findings.filter((f) => f.severity !== 'note');
  out.push('', c.bold(`Should not ship`) + c.dim(`  (${shown.length} finding${shown.length === 1 ? '' : 's'}${r.findings.length > shown.length ? `, ${r.findings.length - shown.length} notes` : ''})`));
  for (const f of shown) {
    const sev = f.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    out.push(`  ${sev} ${f.code.padEnd(17)} ${f.message}${f.bytes ? c.dim(` [${formatBytes(f.bytes)}]`) : ''}`);
  }
  if (checks.length) {
    out.push('', c.bold('Thresholds'));
    for (const t of checks) out.push(`  ${t.passed ? c.green('pass') : c.red('FAIL')}  ${t.rule.padEnd(25)} ${t.message}${c.dim(` (${t.source})`)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The largest folders at any depth that are not just a wrapper of one larger child. */
export function topFolders(root: FolderNode, n: number): FolderNode[] {
  const all: FolderNode[] = [];
  const walk = (f: FolderNode) => {
    for (const c of f.children ?? []) {
      if (c.name === '(other)' || !c.children) continue;
      all.push(c);
      walk(c);
    }
  };
  walk(root);
  return all.sort((a, b) => b.size - a.size).filter((f, i, arr) => !arr.slice(0, i).some((p) => p.size === f.size && f.path.startsWith(`${p.path}/`))).slice(0, n);
}
