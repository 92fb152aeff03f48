import type { ContextReport } from './analyze.js';
import { formatBytes } from '../util/bytes.js';
import { plainPalette, type Palette } from '../util/palette.js';



/** 100,000 (without toLocaleString: loading ICU costs a CLI run 150 ms). */
export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const plural = (n: number, word: string): string => `${thousands(n)} ${word}${n === 1 ? '' : 's'}`;

/** The JSON of `stagecraft context --json` (the contract other tools read; see the issue). */
export function reportJson(report: ContextReport, opts: { listFiles?: boolean } = {}): Record<string, unknown> {
  const { walk, dockerignoreText: _t, ignorePath: _p, cache, ...rest } = report;
  void _t;
  void _p;
  return {
    ...rest,
    ...(cache
      ? {
          rebuild: cache.stages.map((s) => ({ stage: s.stage, built: s.built, line: s.line, instruction: s.instruction, reason: s.reason, steps: s.steps, totalSteps: s.totalSteps, stepLines: s.stepLines })),
          cache: { steps: cache.steps, totalSteps: cache.totalSteps, ignoredChanges: cache.ignoredChanges, unusedChanges: cache.unusedChanges, notes: cache.notes },
        }
      : {}),
    ...(opts.listFiles ? { files: walk.sent.map((s) => s.path) } : {}),
  };
}

/** The human report. */
export function formatReport(report: ContextReport, c: Palette = plainPalette, opts: { listFiles?: boolean } = {}): string {
  const out: string[] = [];
  const sev = (s: string): string => (s === 'error' ? c.red(s) : s === 'warning' ? c.yellow(s) : c.dim(s));
  out.push(`${c.bold('Build context')} ${report.context}`);
  out.push(`  Dockerfile:    ${report.dockerfile ?? c.dim('(none found: no COPY analysis)')}`);
  out.push(`  .dockerignore: ${report.ignoreFile ?? c.dim('(none: everything is sent)')}`);
  out.push(`  sent:          ${c.bold(plural(report.fileCount, 'file'))}, ${c.bold(formatBytes(report.bytes))}`);
  out.push(`  kept out:      ${plural(report.excluded.fileCount, 'file')}, ${formatBytes(report.excluded.bytes)} (${plural(report.excluded.prunedFolders, 'folder')} not even walked)`);

  if (report.saved.length > 0) {
    out.push('', c.bold('What the .dockerignore saved'));
    for (const s of report.saved) out.push(`  ${formatBytes(s.bytes).padStart(9)}  ${plural(s.files, 'file').padEnd(14)} ${s.path}`);
  }
  if (report.largestFolders.length > 0) {
    out.push('', c.bold('Largest folders sent'));
    for (const f of report.largestFolders) out.push(`  ${formatBytes(f.bytes).padStart(9)}  ${plural(f.files, 'file').padEnd(14)} ${f.path}`);
  }
  if (report.largestFiles.length > 0) {
    out.push('', c.bold('Largest files sent'));
    for (const f of report.largestFiles) out.push(`  ${formatBytes(f.bytes).padStart(9)}  ${f.path}`);
  }

  // Unused patterns of a defensive .dockerignore are noise one by one: one line for them all,
  // except those that look like a mistake (a bare name that exists deeper down).
  const unused = report.findings.filter((f) => f.code === 'pattern-unused');
  const quiet = unused.filter((f) => !f.message.includes('would match below'));
  const shown = report.findings.filter((f) => !quiet.includes(f));
  if (shown.length > 0 || quiet.length > 0) {
    out.push('', c.bold('Findings'));
    for (const f of shown) {
      const size = f.files > 0 ? c.dim(` (${plural(f.files, 'file')}, ${formatBytes(f.bytes)})`) : '';
      out.push(`  ${sev(f.severity)} ${c.cyan(f.code)} ${f.path}: ${f.message}${size}${f.fix ? c.dim(`  fix: ${f.fix}`) : ''}`);
    }
    if (quiet.length > 0) {
      out.push(`  ${sev('info')} ${c.cyan('pattern-unused')} ${plural(quiet.length, 'pattern')} ${quiet.length === 1 ? 'matches' : 'match'} nothing in the context: ${quiet.map((f) => `${f.path} (line ${f.line})`).join(', ')}`);
    }
  }

  if (report.copies.length > 0) {
    out.push('', c.bold('What each COPY/ADD takes'));
    for (const cp of report.copies) {
      const what = cp.from !== undefined ? `from ${cp.from}` : `${plural(cp.fileCount, 'file')}, ${formatBytes(cp.bytes)}`;
      out.push(`  line ${cp.line} [${cp.stage}] ${cp.keyword} ${cp.sources.join(' ')} -> ${cp.dest}: ${what}`);
      if (cp.missing.length > 0) out.push(`    ${c.red('takes nothing')} for ${cp.missing.join(', ')} (the build fails: not in the context)`);
      if (cp.ignored.length > 0) out.push(`    ${c.red('excluded by the .dockerignore')}: ${cp.ignored.join(', ')} (COPY cannot see it)`);
      if (cp.secrets.length > 0) out.push(`    ${c.red('secrets')}: ${cp.secrets.slice(0, 5).join(', ')}${cp.secrets.length > 5 ? ', ...' : ''}`);
      if (cp.junk.length > 0) out.push(`    ${c.yellow('junk')}: ${cp.junk.join(', ')}`);
    }
    const leaks = report.stages.filter((s) => s.secrets.length > 0 || s.junk.length > 0);
    for (const s of leaks) {
      const tag = s.final ? c.red('final image') : `stage ${s.stage}`;
      const parts = [
        ...s.secrets.slice(0, 5).map((x) => `${x.path} (at ${x.imagePath})`),
        ...s.junk.map((j) => `${j.path} (${plural(j.files, 'file')})`),
      ];
      out.push(`  ${tag}${s.final ? ` [${s.stage}]` : ''} holds: ${parts.join(', ')}`);
    }
    if (report.finalImage.secrets.length === 0 && report.copies.some((cp) => cp.secrets.length > 0)) {
      out.push(`  ${c.green('no secret reaches the final image')} (it stays in build stages; still in the build cache)`);
    }
  }

  for (const l of report.layerOrder) {
    out.push('', c.bold(`Layer order [${l.stage}]`));
    out.push(`  line ${l.copyLine} ${l.copy} brings ${plural(l.offenderCount, 'source file')} in before the dependency install on line ${l.installLine}:`);
    out.push(`  editing any of them reinstalls every dependency (e.g. ${l.offenders.slice(0, 3).join(', ')}).`);
    out.push('  Copy the manifests first:');
    for (const f of l.fix) out.push(`    ${c.green(f)}`);
  }

  if (report.cache) {
    const cm = report.cache;
    out.push('', c.bold('Cache map'));
    for (const s of cm.stages) {
      if (!s.built) {
        out.push(`  [${s.stage}] ${c.dim('not built for this target')}`);
        continue;
      }
      if (s.line === null) out.push(`  [${s.stage}] ${c.green('cached')} (${plural(s.totalSteps, 'step')})`);
      else out.push(`  [${s.stage}] ${c.yellow(`re-runs from line ${s.line}`)} ${s.instruction}: ${s.reason}; ${s.steps}/${s.totalSteps} steps`);
    }
    out.push(`  ${cm.steps} of ${cm.totalSteps} steps re-run`);
    if (cm.ignoredChanges.length > 0) out.push(`  ${c.dim(`excluded by the .dockerignore, rebuild nothing: ${cm.ignoredChanges.join(', ')}`)}`);
    if (cm.unusedChanges.length > 0) out.push(`  ${c.dim(`taken by no COPY, rebuild nothing: ${cm.unusedChanges.join(', ')}`)}`);
    for (const n of cm.notes) out.push(`  ${c.yellow('note')}: ${n}`);
  }

  if (report.recommended.length > 0) {
    out.push('', `${c.bold('Recommended .dockerignore additions')} (stagecraft context --fix writes them):`);
    for (const r of report.recommended) out.push(`  ${r}`);
  }
  if (opts.listFiles) {
    out.push('', c.bold('Files sent'));
    for (const s of report.walk.sent) out.push(`  ${s.path}`);
  }
  return `${out.join('\n')}\n`;
}
