import type { BuildResult } from './build.js';
import type { CompareResult } from './compare.js';
import { formatBytes } from '../util/bytes.js';
import { plainPalette, type Palette } from '../util/palette.js';



function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The text shown after a build: size, layers (size, stage, instruction), cache use, time. */
export function formatBuildSummary(r: BuildResult, c: Palette = plainPalette, width = 100): string {
  const out: string[] = [];
  out.push(`${c.green('built')} ${c.bold(r.image)} in ${r.seconds.toFixed(1)}s, ${r.cachedSteps} of ${r.totalSteps} steps from cache${r.pushed ? ', pushed' : ''}`);
  if (r.size === null) {
    out.push('  the image was pushed and not loaded into the local engine: no size or layers to show');
    return `${out.join('\n')}\n`;
  }
  const base = r.layers.filter((l) => l.base);
  const own = r.layers.filter((l) => !l.base);
  const baseBytes = base.reduce((a, l) => a + l.size, 0);
  const ownBytes = own.reduce((a, l) => a + l.size, 0);
  out.push(
    `  size ${c.bold(formatBytes(r.size))}${r.baseImage ? `: base ${r.baseImage} ${formatBytes(r.baseSize ?? baseBytes)} + ${formatBytes(ownBytes)} from this Dockerfile` : ''}`,
  );
  out.push('');
  out.push(c.dim(`  ${'SIZE'.padStart(9)}  ${'STAGE'.padEnd(14)} INSTRUCTION`));
  if (base.length > 0) out.push(`  ${formatBytes(baseBytes).padStart(9)}  ${'base'.padEnd(14)} ${c.dim(`${r.baseImage ?? 'base image'}: ${base.length} history ${base.length === 1 ? 'entry' : 'entries'}`)}`);
  for (const l of own) {
    const size = l.empty ? c.dim('-'.padStart(9)) : formatBytes(l.size).padStart(9);
    const where = l.line ? c.dim(` (line ${l.line})`) : '';
    out.push(`  ${size}  ${oneLine(l.stage, 14).padEnd(14)} ${oneLine(l.instruction, width - 40)}${where}`);
  }
  const cached = r.steps.filter((s) => s.cached);
  if (cached.length > 0) {
    out.push('');
    out.push(`  ${c.dim('from cache:')} ${cached.map((s) => `[${s.stage ? `${s.stage} ` : ''}${s.index}/${s.total}] ${oneLine(s.instruction, 40)}`).join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

/** The comparison: both images, both sizes, the ratio. */
export function formatComparison(r: CompareResult, c: Palette = plainPalette): string {
  const b = r.baseline;
  const label = b.kind === 'naive' ? 'single-stage baseline' : `baseline (${b.dockerfile})`;
  const rows = [
    [label, b.image, formatBytes(b.size), `${b.seconds.toFixed(1)}s`],
    ['stagecraft build', r.image, formatBytes(r.size), `${r.seconds.toFixed(1)}s`],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => `  ${row[0]!.padEnd(w[0]!)}  ${row[1]!.padEnd(w[1]!)}  ${row[2]!.padStart(w[2]!)}  ${c.dim(row[3]!)}`);
  const verdict =
    b.ratio === null
      ? 'no ratio: a size is missing'
      : b.ratio >= 1
        ? `${c.bold(`${b.ratio.toFixed(1)}x`)} smaller than the baseline`
        : `${c.yellow(`${(1 / b.ratio).toFixed(1)}x larger`)} than the baseline`;
  return `${c.bold('compared')}\n${lines.join('\n')}\n  ${verdict}\n`;
}
