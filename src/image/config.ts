import type { ImageConfigJson } from './resolve.js';
import type { ConfigSummary, HistoryItem } from './types.js';

const secretName = /(pass(word|wd)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth|session[_-]?key|signing[_-]?key|client[_-]?secret|dsn|conn(ection)?[_-]?str)/i;
const secretValue = [
  /^AKIA[0-9A-Z]{16}$/, // AWS access key id
  /^gh[pousr]_[A-Za-z0-9]{30,}$/, // GitHub tokens
  /^glpat-[A-Za-z0-9_-]{20,}$/, // GitLab
  /^xox[abprs]-[A-Za-z0-9-]{10,}$/, // Slack
  /^sk_(live|test)_[A-Za-z0-9]{16,}$/, // Stripe
  /^npm_[A-Za-z0-9]{30,}$/, // npm
  /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^@\s]+@/i, // URL with user:password@
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

/** Whether a variable looks like it holds a secret, by its name or by the shape of its value. */
export function looksSecret(key: string, value: string): boolean {
  if (value === '') return false;
  if (secretName.test(key) && !/^(PATH|.*_PATH|.*_DIR|.*_FILE|.*_HOME)$/i.test(key)) return true;
  return secretValue.some((re) => re.test(value));
}

export function maskValue(value: string): string {
  return value.length <= 4 ? '***' : `${value.slice(0, 2)}***`;
}

export function summariseConfig(config: ImageConfigJson): ConfigSummary {
  const c = config.config ?? {};
  const user = c.User ?? '';
  const env: string[] = [];
  const maskedEnv: string[] = [];
  for (const kv of c.Env ?? []) {
    const eq = kv.indexOf('=');
    const key = eq < 0 ? kv : kv.slice(0, eq);
    const value = eq < 0 ? '' : kv.slice(eq + 1);
    if (looksSecret(key, value)) {
      maskedEnv.push(key);
      env.push(`${key}=***`);
    } else env.push(kv);
  }
  const hc = c.Healthcheck;
  const summary: ConfigSummary = {
    user,
    runsAsRoot: user === '' || /^(root|0)(:|$)/.test(user),
    entrypoint: c.Entrypoint ?? null,
    cmd: c.Cmd ?? null,
    workdir: c.WorkingDir ?? '',
    env,
    maskedEnv,
    exposedPorts: Object.keys(c.ExposedPorts ?? {}).sort(),
    healthcheck: hc?.Test ? { test: hc.Test, interval: hc.Interval, timeout: hc.Timeout, retries: hc.Retries } : null,
    labels: c.Labels ?? {},
    os: config.os ?? 'linux',
    architecture: config.architecture ?? 'unknown',
    created: config.created,
  };
  if (config.variant) summary.variant = config.variant;
  return summary;
}

export function historyOf(config: ImageConfigJson): HistoryItem[] {
  return (config.history ?? []).map((h) => ({ created: h.created, createdBy: h.created_by ?? '', comment: h.comment, emptyLayer: h.empty_layer === true }));
}

export interface LeakedArg {
  key: string;
  value: string;
}

/**
 * Build args BuildKit wrote into a RUN step's history (`RUN |2 A=1 B=two /bin/sh -c ...`): the
 * values are not quoted, so a value runs up to the next `KEY=`, and the last one to the next space.
 */
export function leakedBuildArgs(createdBy: string): LeakedArg[] {
  const m = /^(?:RUN\s+)?\|(\d+)\s+(.*)$/s.exec(createdBy.trim());
  if (!m) return [];
  const n = Number(m[1]);
  const tokens = m[2]!.split(' ');
  const out: LeakedArg[] = [];
  let i = 0;
  while (out.length < n && i < tokens.length) {
    const t = tokens[i]!;
    const eq = t.indexOf('=');
    if (eq <= 0) break;
    const key = t.slice(0, eq);
    let value = t.slice(eq + 1);
    i++;
    if (out.length < n - 1) {
      while (i < tokens.length && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(tokens[i]!)) value += ` ${tokens[i++]}`;
    }
    out.push({ key, value });
  }
  return out;
}

/** The history text with the values of secret-looking build args masked (it gets printed and shared). */
export function maskHistoryText(createdBy: string): string {
  // `ARG KEY=default` entries carry the default in the clear too.
  const arg = /^(ARG\s+)([A-Za-z_][A-Za-z0-9_]*)=(\S+)(.*)$/s.exec(createdBy);
  if (arg && looksSecret(arg[2]!, arg[3]!)) return `${arg[1]}${arg[2]}=${maskValue(arg[3]!)}${arg[4]}`;
  let out = createdBy;
  for (const a of leakedBuildArgs(createdBy)) {
    if (looksSecret(a.key, a.value)) out = out.replace(`${a.key}=${a.value}`, `${a.key}=${maskValue(a.value)}`);
  }
  return out;
}
