import { color } from '../../cli/output.js';
import type { Severity } from '../rule.js';
import type { Formatter } from './types.js';

const paint: Record<Severity, (s: string) => string> = { error: color.red, warning: color.yellow, info: color.blue };

/** Human output: per file, each finding with its rule and the offending source line. */
export const stylish: Formatter = (results, ctx) => {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out.push(color.underline(r.file));
    const lines = (ctx.sources.get(r.file) ?? '').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    for (const f of r.findings) {
      counts[f.severity]++;
      if (f.fixable) fixable++;
      out.push(`  ${color.dim(`${f.line}:${f.column}`.padEnd(7))} ${paint[f.severity](f.severity.padEnd(8))} ${printable(f.message)}  ${color.dim(f.ruleId)}`);
      const src = lines[f.line - 1];
      if (src !== undefined && src.trim() !== '') {
        const flat = printable(src);
        const shown = flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
        out.push(`  ${color.dim('│')} ${color.dim(shown)}`);
      }
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return results.length > 0 ? `${color.green('✔')} ${results.length} file${results.length === 1 ? '' : 's'} checked, no problems\n` : '';
  const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`, `${counts.info} info`];
  out.push(`${paint[counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'info']('✖')} ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${results.length} file${results.length === 1 ? '' : 's'}${fixable > 0 ? `; ${fixable} fixable with --fix` : ''}`);
  return `${out.join('\n')}\n`;
};

/** The file's own bytes go to a terminal: control characters (an escape sequence in a binary file) are shown as U+FFFD. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}
