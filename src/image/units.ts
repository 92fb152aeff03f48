import { UserError, ExitCode } from '../util/errors.js';

const units: Record<string, number> = {
  '': 1, b: 1,
  k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, t: 1e12, tb: 1e12,
  ki: 1024, kib: 1024, mi: 1024 ** 2, mib: 1024 ** 2, gi: 1024 ** 3, gib: 1024 ** 3, ti: 1024 ** 4, tib: 1024 ** 4,
};

/** `20MB` -> 20000000, `1.5GiB` -> 1610612736: decimal units as dive (go-humanize) reads them, binary with an `i`. */
export function parseBytes(text: string, what = 'size'): number {
  const m = /^\s*([\d.]+)\s*([a-z]*)\s*$/i.exec(String(text));
  const factor = m ? units[m[2]!.toLowerCase()] : undefined;
  const value = m ? Number(m[1]) : NaN;
  if (!m || factor === undefined || !Number.isFinite(value)) throw new UserError(`${what}: cannot read "${text}" as a size (e.g. 200MB, 1.5GB, 300MiB)`, ExitCode.usage);
  return Math.round(value * factor);
}

export { formatBytes } from '../util/bytes.js';


/** `0.9`, `90%` -> 0.9 */
export function parseRatio(text: string, what: string): number {
  const s = String(text).trim();
  const pct = s.endsWith('%');
  const v = Number(pct ? s.slice(0, -1) : s);
  if (!Number.isFinite(v) || v < 0) throw new UserError(`${what}: cannot read "${text}" as a ratio (e.g. 0.9 or 90%)`, ExitCode.usage);
  return pct ? v / 100 : v;
}

/** A ratio that cannot exceed 1 (an efficiency): `1.5` or `150%` could never be met, so it is a usage error. */
export function parseFraction(text: string, what: string): number {
  const v = parseRatio(text, what);
  if (v > 1) throw new UserError(`${what}: ${text} is over 100%, which no image can reach (e.g. 0.95 or 95%)`, ExitCode.usage);
  return v;
}
