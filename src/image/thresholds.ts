import { parse as parseYaml } from 'yaml';
import { UserError, ExitCode } from '../util/errors.js';
import { formatBytes, parseBytes } from './units.js';
import type { ImageReport } from './types.js';

/** dive's CI rules; undefined = disabled. */
export interface DiveCiRules {
  lowestEfficiency?: number;
  highestWastedBytes?: number;
  highestUserWastedPercent?: number;
}

/** dive's defaults in CI mode, for the keys a `.dive-ci` file leaves out. */
const diveDefaults = { lowestEfficiency: '0.9', highestWastedBytes: 'disabled', highestUserWastedPercent: '0.1' };

/** Reads a `.dive-ci` file as dive does: `rules:` with values as numbers, decimal sizes or `disabled`. */
export function parseDiveCi(text: string, file = '.dive-ci'): DiveCiRules {
  let doc: { rules?: Record<string, unknown> } | null;
  try {
    doc = parseYaml(text) as { rules?: Record<string, unknown> } | null;
  } catch (err) {
    throw new UserError(`cannot read it as YAML: ${(err as Error).message}`, ExitCode.usage, file);
  }
  const rules = { ...diveDefaults, ...(doc?.rules ?? {}) } as Record<string, unknown>;
  const value = (key: string): string | undefined => {
    const v = String(rules[key] ?? '').trim();
    return v === '' || v.toLowerCase() === 'disabled' ? undefined : v;
  };
  const ratio = (key: string): number | undefined => {
    const v = value(key);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new UserError(`rules.${key}: "${v}" is not a number`, ExitCode.usage, file);
    return n;
  };
  const out: DiveCiRules = {};
  const eff = ratio('lowestEfficiency');
  if (eff !== undefined) out.lowestEfficiency = eff;
  const pct = ratio('highestUserWastedPercent');
  if (pct !== undefined) out.highestUserWastedPercent = pct;
  const bytes = value('highestWastedBytes');
  if (bytes !== undefined) out.highestWastedBytes = parseBytes(bytes, `${file}: rules.highestWastedBytes`);
  return out;
}

export interface Thresholds {
  maxSize?: number;
  minEfficiency?: number;
  maxWasted?: number;
  /** Which figures --min-efficiency and --max-wasted read (the .dive-ci rules always read dive's). */
  figures?: 'stagecraft' | 'dive';
  diveCi?: DiveCiRules;
}

export interface ThresholdCheck {
  rule: string;
  source: 'flag' | '.dive-ci';
  limit: number;
  actual: number | null;
  passed: boolean;
  message: string;
}

/** Every check is strict, as dive's: efficiency below the minimum fails, waste above the maximum fails. */
export function checkThresholds(report: ImageReport, t: Thresholds): ThresholdCheck[] {
  const out: ThresholdCheck[] = [];
  const figures = t.figures === 'dive' ? report.waste.dive : report.waste.stagecraft;
  const label = t.figures === 'dive' ? 'dive-compatible' : 'stagecraft';
  const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
  if (t.maxSize !== undefined) {
    const passed = !(report.size > t.maxSize);
    out.push({ rule: 'max-size', source: 'flag', limit: t.maxSize, actual: report.size, passed, message: `size ${formatBytes(report.size)} ${passed ? '<=' : '>'} ${formatBytes(t.maxSize)}` });
  }
  if (t.minEfficiency !== undefined) {
    const passed = !(figures.efficiency < t.minEfficiency);
    out.push({ rule: 'min-efficiency', source: 'flag', limit: t.minEfficiency, actual: figures.efficiency, passed, message: `${label} efficiency ${pct(figures.efficiency)} ${passed ? '>=' : '<'} ${pct(t.minEfficiency)}` });
  }
  if (t.maxWasted !== undefined) {
    const passed = !(figures.wastedBytes > t.maxWasted);
    out.push({ rule: 'max-wasted', source: 'flag', limit: t.maxWasted, actual: figures.wastedBytes, passed, message: `${label} wasted ${formatBytes(figures.wastedBytes)} ${passed ? '<=' : '>'} ${formatBytes(t.maxWasted)}` });
  }
  const d = t.diveCi;
  if (d) {
    const dive = report.waste.dive;
    if (d.lowestEfficiency !== undefined) {
      const passed = !(dive.efficiency < d.lowestEfficiency);
      out.push({ rule: 'lowestEfficiency', source: '.dive-ci', limit: d.lowestEfficiency, actual: dive.efficiency, passed, message: `dive efficiency ${pct(dive.efficiency)} ${passed ? '>=' : '<'} ${pct(d.lowestEfficiency)}` });
    }
    if (d.highestWastedBytes !== undefined) {
      const passed = !(dive.wastedBytes > d.highestWastedBytes);
      out.push({ rule: 'highestWastedBytes', source: '.dive-ci', limit: d.highestWastedBytes, actual: dive.wastedBytes, passed, message: `dive wasted ${formatBytes(dive.wastedBytes)} ${passed ? '<=' : '>'} ${formatBytes(d.highestWastedBytes)}` });
    }
    if (d.highestUserWastedPercent !== undefined) {
      // dive divides by zero into +Inf when only the first layer has bytes: that fails, as in dive.
      const actual = dive.userWastedPercent;
      const passed = actual !== null && !(actual > d.highestUserWastedPercent);
      out.push({ rule: 'highestUserWastedPercent', source: '.dive-ci', limit: d.highestUserWastedPercent, actual, passed, message: `dive user wasted ${pct(actual)} ${passed ? '<=' : '>'} ${pct(d.highestUserWastedPercent)}` });
    }
  }
  return out;
}
