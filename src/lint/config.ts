import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ExitCode, UserError } from '../util/errors.js';
import { aliasIndex } from './pragmas.js';
import { PRESETS, SEVERITIES, type AnyRule, type Preset, type Severity } from './rule.js';

export const CONFIG_FILE = 'stagecraft.config.json';
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'checkstyle'] as const;
export type FormatName = (typeof FORMATS)[number];

/** What `stagecraft.config.json` may say (schema/stagecraft.config.schema.json); every key is also a flag. */
export interface CheckConfig {
  preset?: Preset;
  /** Severity overrides by rule id or alias: `{ "DL3008": "off", "final-user-root": "error" }`. */
  rules?: Record<string, Severity | 'off'>;
  /** Run only these rules (ids or aliases), whatever the preset. */
  only?: string[];
  /** Registries FROM may use; empty or absent = any. */
  trustedRegistries?: string[];
  /** Files not to check when discovering Dockerfiles (.gitignore-style patterns, relative to the config's folder). */
  ignorePaths?: string[];
  failOn?: Severity;
  maxWarnings?: number;
  format?: FormatName;
}

export interface LoadedConfig {
  config: CheckConfig;
  /** The file it came from, when any. */
  file: string | undefined;
}

/** Finds `stagecraft.config.json` in `dir` or a parent (nearest wins). */
export function findConfig(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    const f = join(d, CONFIG_FILE);
    if (existsSync(f)) return f;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

export function loadConfigFile(file: string): CheckConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a folder, not a file' : e.message;
    throw new UserError(`cannot read the config: ${why}`, ExitCode.usage, file);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserError('the config file is empty', ExitCode.usage, file, undefined, 'write {} for no settings, or delete the file');
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const { message, line, column } = jsonErrorAt(text.replace(/^\uFEFF/, ''), (err as Error).message);
    throw new UserError(`invalid JSON${column ? ` at column ${column}` : ''}: ${message}`, ExitCode.usage, file, line, 'JSON allows no trailing commas and no comments');
  }
  return validateConfig(raw, file);
}

/** JSON.parse says "at position N" (Node 20): users need a line. */
export function jsonErrorAt(text: string, message: string): { message: string; line?: number; column?: number } {
  const m = /\s*(?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  // `Unexpected token '/', "// comment\n{}" is not valid JSON`: the quoted excerpt spans lines; keep one.
  if (!m) return { message: message.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/\s*\n\s*/g, ' ') };
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { message: message.replace(m[0], '').trim(), line, column };
}

/** Checks the shape (the same constraints as the JSON Schema) and returns it typed. */
export function validateConfig(raw: unknown, file = CONFIG_FILE): CheckConfig {
  const fail = (msg: string): never => {
    throw new UserError(`invalid config: ${msg}`, ExitCode.usage, file, undefined, 'see schema/stagecraft.config.schema.json');
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('expected a JSON object');
  const o = raw as Record<string, unknown>;
  const known = new Set(['$schema', 'preset', 'rules', 'only', 'trustedRegistries', 'ignorePaths', 'failOn', 'maxWarnings', 'format']);
  for (const k of Object.keys(o)) if (!known.has(k)) fail(`unknown key "${k}" (known: ${[...known].filter((x) => x !== '$schema').join(', ')})`);
  const strings = (k: string): void => {
    if (o[k] !== undefined && (!Array.isArray(o[k]) || !(o[k] as unknown[]).every((x) => typeof x === 'string'))) fail(`"${k}" must be an array of strings`);
  };
  if (o.preset !== undefined && !PRESETS.includes(o.preset as Preset)) fail(`"preset" must be one of ${PRESETS.join(', ')}`);
  if (o.rules !== undefined) {
    if (typeof o.rules !== 'object' || o.rules === null || Array.isArray(o.rules)) fail('"rules" must be an object of rule id -> severity');
    for (const [k, raw] of Object.entries(o.rules as object)) {
      // "Error" / "OFF" mean what they say; the value is stored lower-cased.
      const v = typeof raw === 'string' ? raw.toLowerCase() : raw;
      if (v !== raw) (o.rules as Record<string, unknown>)[k] = v;
      if (v !== 'off' && !SEVERITIES.includes(v as Severity)) fail(`rules.${k} must be one of error, warning, info, off (got ${JSON.stringify(v)}${v === 'warn' ? '; did you mean "warning"?' : ''})`);
    }
  }
  strings('only');
  strings('trustedRegistries');
  strings('ignorePaths');
  if (typeof o.failOn === 'string') o.failOn = o.failOn.toLowerCase();
  if (o.failOn !== undefined && !SEVERITIES.includes(o.failOn as Severity)) fail('"failOn" must be one of error, warning, info');
  if (o.maxWarnings !== undefined && (typeof o.maxWarnings !== 'number' || !Number.isInteger(o.maxWarnings) || o.maxWarnings < 0)) fail('"maxWarnings" must be a non-negative integer');
  if (o.format !== undefined && !FORMATS.includes(o.format as FormatName)) fail(`"format" must be one of ${FORMATS.join(', ')}`);
  const { $schema: _schema, ...config } = o;
  return config as CheckConfig;
}

/** Later sources win key by key; rule overrides are merged, lists replaced. */
export function mergeConfigs(...parts: (CheckConfig | undefined)[]): CheckConfig {
  const out: CheckConfig = {};
  for (const p of parts) {
    if (!p) continue;
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined) continue;
      if (k === 'rules') out.rules = { ...out.rules, ...(v as Record<string, Severity | 'off'>) };
      else (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

/**
 * The rules to run and their severity: the preset's rules at their default severity, then the
 * overrides (by id or alias; `off` removes), then `only` restricts the set (with its overrides).
 * Unknown ids are an error so a typo does not silently disable nothing.
 */
export function resolveSeverities(rules: readonly AnyRule[], config: CheckConfig): Map<string, Severity> {
  const level = PRESETS.indexOf(config.preset ?? 'recommended');
  const index = aliasIndex(rules);
  const idsOf = (key: string, where: string): string[] => {
    const ids = index.get(key.toLowerCase());
    if (!ids) throw new UserError(`unknown rule "${key}" in ${where}`, ExitCode.usage, undefined, undefined, 'run `stagecraft rules` for the list of ids and aliases');
    return ids;
  };
  const out = new Map<string, Severity>();
  const byId = new Map(rules.map((r) => [r.id, r]));
  if (config.only && config.only.length > 0) {
    for (const key of config.only) for (const id of idsOf(key, '--only')) out.set(id, byId.get(id)!.severity);
  } else {
    for (const r of rules) if (PRESETS.indexOf(r.preset) <= level) out.set(r.id, r.severity);
  }
  for (const [key, sev] of Object.entries(config.rules ?? {})) {
    for (const id of idsOf(key, '--rule')) {
      if (sev === 'off') out.delete(id);
      else if (!config.only || config.only.length === 0 || out.has(id)) out.set(id, sev);
    }
  }
  // Syntax problems are always reported unless explicitly turned off.
  if (!out.has('syntax') && config.rules?.syntax !== 'off' && byId.has('syntax')) out.set('syntax', byId.get('syntax')!.severity);
  return out;
}

/** A config file naming a rule that does not exist: said with the file, so the typo is found. */
export function checkRuleIds(rules: readonly AnyRule[], config: CheckConfig, file: string): void {
  const index = aliasIndex(rules);
  for (const [key, where] of [...Object.keys(config.rules ?? {}).map((k) => [k, 'rules'] as const), ...(config.only ?? []).map((k) => [k, 'only'] as const)]) {
    if (!index.has(key.toLowerCase())) throw new UserError(`unknown rule "${key}" in "${where}"`, ExitCode.usage, file, lineOfKey(file, key), 'run `stagecraft rules` for the list of ids and aliases');
  }
}

function lineOfKey(file: string, key: string): number | undefined {
  try {
    const idx = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(`"${key}"`));
    return idx >= 0 ? idx + 1 : undefined;
  } catch {
    return undefined;
  }
}

export const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'];

/** A `.hadolint.yaml` in the folder, when there is one (hadolint's own lookup starts there). */
export function findHadolintConfig(dir: string): string | undefined {
  for (const name of HADOLINT_FILES) {
    const f = join(resolve(dir), name);
    if (existsSync(f)) return f;
  }
  return undefined;
}

/**
 * Reads hadolint's config as stagecraft config, so a migrating project keeps its choices:
 * `ignored` -> off, `override.{error,warning,info,style}` -> severities (style is info),
 * `failure-threshold` -> failOn, `trustedRegistries` as is. IDs stagecraft does not know
 * (ShellCheck's SCxxxx, the label-schema rules) are dropped by the caller.
 */
export function loadHadolintConfig(file: string, parse: (text: string) => unknown): CheckConfig {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`cannot read the hadolint config: ${(err as Error).message}`, ExitCode.usage, file);
  }
  // Odd content is said, not skipped: a silently dropped `ignored:` would re-enable rules in CI.
  const fail = (msg: string): never => {
    throw new UserError(`invalid hadolint config: ${msg}`, ExitCode.usage, file, undefined, 'see https://github.com/hadolint/hadolint#configure');
  };
  if (raw !== null && raw !== undefined && (typeof raw !== 'object' || Array.isArray(raw))) fail('expected a mapping of keys (ignored, override, failure-threshold, trustedRegistries)');
  const o = (raw ?? {}) as Record<string, unknown>;
  const rules: Record<string, Severity | 'off'> = {};
  const list = (v: unknown, key: string): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) fail(`"${key}" must be a list of strings (- DL3008)`);
    return v as string[];
  };
  if (o.override !== undefined && o.override !== null && (typeof o.override !== 'object' || Array.isArray(o.override))) fail('"override" must map error/warning/info/style to lists of rule ids');
  const override = (o.override ?? {}) as Record<string, unknown>;
  for (const [level, severity] of [['error', 'error'], ['warning', 'warning'], ['info', 'info'], ['style', 'info']] as const) {
    for (const id of list(override[level], `override.${level}`)) rules[id] = severity;
  }
  for (const id of list(o.ignored, 'ignored')) rules[id] = 'off';
  const out: CheckConfig = {};
  if (Object.keys(rules).length > 0) out.rules = rules;
  const threshold = o['failure-threshold'];
  if (threshold === 'error' || threshold === 'warning' || threshold === 'info') out.failOn = threshold;
  else if (threshold === 'style') out.failOn = 'info';
  // hadolint's none/ignore (never fail) has no failOn equivalent: the default applies.
  else if (threshold !== undefined && threshold !== null && threshold !== 'none' && threshold !== 'ignore') fail(`"failure-threshold" must be one of error, warning, info, style, none (got ${JSON.stringify(threshold)})`);
  const trusted = list(o.trustedRegistries, 'trustedRegistries');
  if (trusted.length > 0) out.trustedRegistries = trusted;
  return out;
}
