import type { Severity } from '../rule.js';
import { repoPath, type Formatter } from './types.js';

const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// Workflow command escaping (actions/toolkit): data escapes %, CR, LF; properties also : and ,.
const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: one `::warning file=...,line=...::message` line per finding. */
export const github: Formatter = (results, ctx) =>
  results
    .flatMap((r) =>
      r.findings.map(
        (f) => `::${command[f.severity]} file=${prop(repoPath(r.file, ctx))},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${prop(`stagecraft ${f.ruleId}`)}::${data(f.message)}`,
      ),
    )
    .map((l) => `${l}\n`)
    .join('');
