import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createMatcher, type ContextMatcher } from '../context/matcher.js';
import { translateGitignore } from '../context/gitignore.js';
import { ExitCode, UserError } from '../util/errors.js';
import { createRequire } from 'node:module';
import { checkRuleIds, findConfig, findHadolintConfig, loadConfigFile, loadHadolintConfig, mergeConfigs, resolveSeverities, type CheckConfig } from './config.js';
import { aliasIndex } from './pragmas.js';
import { diskBuildContext } from './context.js';
import { discoverDockerfiles } from './discover.js';
import { SEVERITY_RANK, type FileResult } from './finding.js';
import { fixText, unifiedDiff } from './fix.js';
import { formatters } from './formatters/index.js';
import { lintText, type LintOptions } from './linter.js';
import { rules } from './registry.js';

export interface CheckOptions extends CheckConfig {
  paths: string[];
  cwd?: string;
  /** A config file to use; `false` to use none; default: the nearest stagecraft.config.json. */
  config?: string | false;
  target?: string;
  /** Build context folder for every file (default: each Dockerfile's folder; unknown for stdin). */
  context?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  /** Reads standard input (for `-`). */
  readStdin?: () => string;
}

export interface CheckRun {
  results: FileResult[];
  /** Formatted report. */
  output: string;
  /** Diffs (`--fix-dry-run`) or a summary of written files (`--fix`). */
  fixReport: string;
  /** `--fix` of standard input: the whole file, fixed or unchanged (it is the output). */
  fixedStdin?: string;
  code: number;
  /** A line for stderr explaining a failing exit code the report does not explain. */
  note?: string;
  config: CheckConfig;
  configFile: string | undefined;
}

/** Everything `stagecraft check` does, as a function: discover, lint, fix, format, decide the exit code. */
export function runCheck(options: CheckOptions, write: (file: string, text: string) => void): CheckRun {
  const cwd = options.cwd ?? process.cwd();
  let configFile = options.config === false ? undefined : options.config ? resolve(cwd, options.config) : findConfig(cwd);
  let fromFile: CheckConfig | undefined;
  // Any YAML file is hadolint's format (hadolint.yaml, ~/.config/hadolint.yaml): stagecraft's own is JSON.
  if (configFile && /\.ya?ml$/i.test(configFile)) fromFile = hadolintConfig(configFile);
  else if (configFile) {
    fromFile = loadConfigFile(configFile);
    checkRuleIds(rules, fromFile, configFile);
  }
  let configNote: string | undefined;
  if (!configFile && options.config !== false) {
    // No stagecraft.config.json: a .hadolint.yaml here is read instead (migration without editing).
    configFile = findHadolintConfig(cwd);
    if (configFile) fromFile = hadolintConfig(configFile);
    // The issue offered `"stagecraft"` in package.json as an option; the choice was a file of its own.
    else if (packageJsonHasKey(join(cwd, 'package.json'))) configNote = 'package.json has a "stagecraft" key, which is not read: move it to stagecraft.config.json';
  }
  const { paths, cwd: _cwd, config: _config, target, context, fix, fixDryRun, readStdin, ...flags } = options;
  // A --context that is not a folder would make every context rule judge an empty context.
  if (context !== undefined) {
    let isDir = false;
    try {
      isDir = statSync(resolve(cwd, context)).isDirectory();
    } catch {
      throw new UserError(`--context ${context}: no such folder`, ExitCode.usage);
    }
    if (!isDir) throw new UserError(`--context ${context}: not a folder`, ExitCode.usage, undefined, undefined, 'the build context is the folder given to docker build (the Dockerfile is named with -f)');
  }
  const config = mergeConfigs({ preset: 'recommended', failOn: 'warning', format: 'stylish' }, fromFile, flags);
  const severities = resolveSeverities(rules, config);
  const ignoreBase = configFile ? dirname(configFile) : cwd;
  const found = discoverDockerfiles(paths, cwd, []);
  const files = found.filter((f) => f === '-' || !ignoredByConfig(f, cwd, ignoreBase, config.ignorePaths));
  // A file named on the command line (a pre-commit hook's list) and matched by ignorePaths is skipped, and said so.
  const explicit = new Set(paths.filter((p) => p !== '-').map((p) => resolve(cwd, p)));
  const skipped = found.filter((f) => !files.includes(f) && explicit.has(resolve(cwd, f)));
  const skipNote = skipped.length > 0 ? `skipped (matches ignorePaths): ${skipped.join(', ')}` : undefined;
  if (files.length === 0 && skipped.length > 0) {
    // Still a well-formed report: upload-sarif and JSON readers choke on an empty output.
    return { results: [], output: formatters[config.format ?? 'stylish']([], { rules, sources: new Map(), cwd }), fixReport: '', code: ExitCode.ok, note: [configNote, skipNote].filter(Boolean).join('\n'), config, configFile };
  }
  // Nothing to check is a usage error with or without a path: a CI step run in the wrong folder must not pass silently.
  if (files.length === 0) throw new UserError(`no Dockerfile found ${paths.length > 0 ? `in ${paths.join(', ')}` : `below ${cwd}`}`, ExitCode.usage, undefined, undefined, 'stagecraft looks for Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile (.gitignore\'d folders, node_modules and ignorePaths are skipped)');

  const results: FileResult[] = [];
  const sources = new Map<string, string>();
  const fixReports: string[] = [];
  let fixedStdin: string | undefined;
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? (readStdin ?? (() => readFileSync(0, 'utf8')))() : readFileSync(resolve(cwd, file), 'utf8');
    } catch (err) {
      throw new UserError(`cannot read ${file}: ${(err as Error).message}`, ExitCode.usage, file);
    }
    // Standard input and pipes (`<(...)`) have no folder of their own: no build context unless --context.
    const contextDir = context ? resolve(cwd, context) : file === '-' || !isRegularFile(resolve(cwd, file)) ? undefined : dirname(resolve(cwd, file));
    const lintOptions: LintOptions = {
      severities,
      target,
      settings: { trustedRegistries: config.trustedRegistries ?? [] },
      buildContext: contextDir ? diskBuildContext(contextDir, file === '-' ? undefined : resolve(cwd, file)) : undefined,
    };
    if (target !== undefined) {
      const probe = lintText(text, file, { ...lintOptions, severities: new Map() });
      if (probe.df.stages.length > 0 && !probe.df.stages.some((s) => s.name === target.toLowerCase())) {
        throw new UserError(`no stage named "${target}"`, ExitCode.usage, file, undefined, stageHint(probe.df.stages));
      }
    }
    if (fix || fixDryRun) {
      const fixed = fixText(text, file, lintOptions);
      // `check --fix - < in > out`: the file is the output, fixed or not (an unchanged file used to print nothing).
      if (file === '-' && fix && !fixDryRun) fixedStdin = fixed.output;
      else if (fixed.changed) {
        if (fixDryRun) fixReports.push(unifiedDiff(file, text, fixed.output));
        else {
          try {
            write(resolve(cwd, file), fixed.output);
          } catch (err) {
            const e = err as NodeJS.ErrnoException;
            const why = e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS' ? 'the file is not writable' : e.message;
            throw new UserError(`cannot write the fixes: ${why}`, ExitCode.usage, file, undefined, `${fixReports.length > 0 ? 'files before it were fixed; ' : ''}--fix-dry-run prints the diff instead`);
          }
          fixReports.push(`fixed ${file} (${fixed.applied} change${fixed.applied === 1 ? '' : 's'})\n`);
        }
      }
      // After --fix the report is about what is left; a dry run reports the file as it is.
      if (fix && !fixDryRun) {
        sources.set(file, fixed.output);
        results.push({ file, findings: fixed.remaining });
        continue;
      }
    }
    sources.set(file, text);
    results.push({ file, findings: lintText(text, file, lintOptions).findings });
  }

  const format = config.format ?? 'stylish';
  // In a GitHub workflow, annotations and SARIF locations are read relative to the checkout, also when
  // the step runs in a sub-folder (working-directory:).
  const root = process.env.GITHUB_WORKSPACE && process.env.GITHUB_ACTIONS === 'true' ? process.env.GITHUB_WORKSPACE : undefined;
  const output = formatters[format](results, { rules, sources, cwd, ...(root ? { root } : {}) });
  const code = exitCodeFor(results, config);
  return { results, output, fixReport: fixReports.join(''), ...(fixedStdin !== undefined ? { fixedStdin } : {}), code, note: [configNote, skipNote, failureNote(results, config, code)].filter(Boolean).join('\n') || undefined, config, configFile };
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function packageJsonHasKey(file: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof pkg === 'object' && pkg !== null && 'stagecraft' in pkg;
  } catch {
    return false;
  }
}

/** The names --target may take; unnamed stages are said to be unnamed (a bare "0" read as a name). */
function stageHint(stages: readonly { nameAsWritten?: string; index: number }[]): string {
  const named = stages.filter((s) => s.nameAsWritten !== undefined).map((s) => s.nameAsWritten!);
  if (named.length === 0) return `no stage has a name: add AS <name> to a FROM line (${stages.length} stage${stages.length === 1 ? '' : 's'})`;
  const unnamed = stages.length - named.length;
  return `stages: ${named.join(', ')}${unnamed > 0 ? ` (and ${unnamed} unnamed)` : ''}`;
}

/** hadolint's config with the IDs stagecraft has no rule for (SCxxxx, label schema) left out. */
function hadolintConfig(file: string): CheckConfig {
  // The YAML parser is only needed here: loaded on demand, it stays out of every other start-up.
  const { parse } = createRequire(import.meta.url)('yaml') as { parse: (text: string) => unknown };
  const c = loadHadolintConfig(file, parse);
  const known = aliasIndex(rules);
  if (c.rules) c.rules = Object.fromEntries(Object.entries(c.rules).filter(([id]) => known.has(id.toLowerCase())));
  return c;
}

/** Why the exit code is 1 when --max-warnings alone decided it (nothing else would say so). */
function failureNote(results: readonly FileResult[], config: CheckConfig, code: number): string | undefined {
  if (code !== ExitCode.refused || config.maxWarnings === undefined) return undefined;
  const all = results.flatMap((r) => r.findings);
  if (all.some((f) => f.severity !== 'warning' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[config.failOn ?? 'warning'])) return undefined;
  const n = all.filter((f) => f.severity === 'warning').length;
  return `${n} warning${n === 1 ? '' : 's'}, more than --max-warnings ${config.maxWarnings} allows`;
}

/**
 * 1 when a finding is at or over failOn, except that with maxWarnings the warnings are judged by
 * their count alone (ESLint's meaning: `--max-warnings 10` allows ten, even with the default
 * `--fail-on warning`, under which it used to be useless); errors and info still follow failOn.
 */
export function exitCodeFor(results: readonly FileResult[], config: CheckConfig): number {
  const threshold = SEVERITY_RANK[config.failOn ?? 'warning'];
  const all = results.flatMap((r) => r.findings);
  const counted = config.maxWarnings !== undefined;
  if (all.some((f) => SEVERITY_RANK[f.severity] >= threshold && !(counted && f.severity === 'warning'))) return ExitCode.refused;
  if (counted) {
    const warnings = all.filter((f) => f.severity === 'warning').length;
    // `--fail-on error` puts warnings below the threshold: only the count can fail them.
    if (warnings > config.maxWarnings!) return ExitCode.refused;
  }
  return ExitCode.ok;
}

function ignoredByConfig(file: string, cwd: string, base: string, patterns: string[] | undefined): boolean {
  if (!patterns || patterns.length === 0) return false;
  const rel = resolve(cwd, file).slice(base.length + 1).split('\\').join('/');
  return discoverMatcher(patterns).ignores(rel);
}

const matchers = new Map<string, ContextMatcher>();
function discoverMatcher(patterns: string[]): ContextMatcher {
  const key = patterns.join('\n');
  let m = matchers.get(key);
  // .gitignore semantics (`*.prod` and `vendor/` at any depth, `/x` anchored), as discovery reads .gitignore:
  // with .dockerignore's, `*.prod` only matched at the top.
  if (!m) matchers.set(key, (m = createMatcher(translateGitignore(key).join('\n'))));
  return m;
}
