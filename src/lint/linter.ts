import { finalStage, parseDockerfile, type Dockerfile, type Instruction, type Span, type Stage } from '../dockerfile/index.js';
import type { BuildContextView } from './context.js';
import { compareFindings, type Finding } from './finding.js';
import { applyPragmas, isBuildKitName, readPragmas, unknownPragmaIds, unusedPragmas } from './pragmas.js';
import type { AnyRule, Fix, Report, RuleSettings, Severity, Visitors } from './rule.js';
import { rules as allRules } from './registry.js';

export interface LintOptions {
  /** The rules to run with their severity (from the config); default: every rule of `recommended`. */
  severities?: ReadonlyMap<string, Severity>;
  /** The rule set to draw from (default: every registered rule). */
  rules?: readonly AnyRule[];
  /** `--target`: the stage that ships. */
  target?: string;
  buildContext?: BuildContextView;
  settings?: Partial<RuleSettings>;
  /** Honour `# stagecraft-ignore`, `# hadolint ignore=` and `# check=skip=` (default true). */
  pragmas?: boolean;
}

export interface LintOutput {
  df: Dockerfile;
  findings: Finding[];
}

/** Lints Dockerfile text. Never throws for any input; a rule that crashes is reported, not fatal. */
export function lintText(text: string | Uint8Array, file: string | undefined, options: LintOptions = {}): LintOutput {
  const df = parseDockerfile(text, file);
  return { df, findings: lintDockerfile(df, options) };
}

export function lintDockerfile(df: Dockerfile, options: LintOptions = {}): Finding[] {
  const ruleSet = options.rules ?? allRules;
  const severities = options.severities ?? defaultSeverities(ruleSet);
  const settings: RuleSettings = { trustedRegistries: [], ...options.settings };
  const target = finalStage(df, options.target);
  const shipped = shippedStages(df, target);
  const findings: Finding[] = [];

  interface Active {
    rule: AnyRule;
    visitors: Visitors;
    failed?: boolean;
  }
  const active: Active[] = [];
  for (const rule of ruleSet) {
    const severity = severities.get(rule.id);
    if (!severity) continue;
    if (rule.needsContext && !options.buildContext) continue;
    const report = (r: Report<unknown>): void => {
      findings.push(toFinding(df, rule, severity, r));
    };
    try {
      active.push({ rule, visitors: rule.create({ df, target, settings, buildContext: options.buildContext, report }) });
    } catch (err) {
      findings.push(internalFinding(rule, err));
    }
  }

  const call = (a: Active, fn: () => void): void => {
    if (a.failed) return;
    try {
      fn();
    } catch (err) {
      findings.push(internalFinding(a.rule, err));
      a.failed = true;
    }
  };
  const inScope = (a: Active, stage: Stage | undefined): boolean => a.rule.scope === 'all' || (stage !== undefined && shipped.has(stage.index));

  // Index the visitors once, so each instruction only meets the rules that look at it.
  type Hook = { a: Active; fn: (i: Instruction, s: Stage | undefined) => void };
  const onStage: { a: Active; fn: (s: Stage) => void }[] = [];
  const onStageEnd: { a: Active; fn: (s: Stage) => void }[] = [];
  const onInstruction: Hook[] = [];
  const byKeyword = new Map<string, Hook[]>();
  for (const a of active) {
    const v = a.visitors as Record<string, unknown>;
    for (const [key, fn] of Object.entries(v)) {
      if (typeof fn !== 'function') continue;
      if (key === 'stage') onStage.push({ a, fn: fn as (s: Stage) => void });
      else if (key === 'stageEnd') onStageEnd.push({ a, fn: fn as (s: Stage) => void });
      else if (key === 'instruction') onInstruction.push({ a, fn: fn as Hook['fn'] });
      else if (key !== 'end') {
        const list = byKeyword.get(key) ?? [];
        list.push({ a, fn: fn as Hook['fn'] });
        byKeyword.set(key, list);
      }
    }
  }

  // No closure per call: this loop runs rules x instructions times.
  const run = (h: Hook, instruction: Instruction, stage: Stage | undefined): void => {
    if (h.a.failed || !inScope(h.a, stage)) return;
    try {
      h.fn(instruction, stage);
    } catch (err) {
      findings.push(internalFinding(h.a.rule, err));
      h.a.failed = true;
    }
  };
  const runStage = (h: { a: Active; fn: (s: Stage) => void }, stage: Stage): void => {
    if (h.a.failed || !inScope(h.a, stage)) return;
    try {
      h.fn(stage);
    } catch (err) {
      findings.push(internalFinding(h.a.rule, err));
      h.a.failed = true;
    }
  };
  for (const instruction of df.instructions) {
    const stage = df.stages[instruction.stageIndex];
    if (stage && instruction.keyword === 'FROM') for (const h of onStage) runStage(h, stage);
    for (const h of onInstruction) run(h, instruction, stage);
    const hooks = byKeyword.get(instruction.keyword);
    if (hooks) for (const h of hooks) run(h, instruction, stage);
    if (stage && instruction === stage.instructions[stage.instructions.length - 1]) for (const h of onStageEnd) runStage(h, stage);
  }
  for (const a of active) if (a.visitors.end) call(a, () => a.visitors.end!());

  const syntaxSeverity = severities.get('syntax');
  if (syntaxSeverity) {
    const syntaxRule = ruleSet.find((r) => r.id === 'syntax');
    for (const e of df.errors) {
      findings.push({ ruleId: 'syntax', aliases: syntaxRule?.aliases ?? [], severity: syntaxSeverity, message: e.message, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, fixable: false });
    }
  }
  const unknownSeverity = severities.get('ignore-unknown-rule');
  if (unknownSeverity && options.pragmas !== false) {
    // Looked up in every registered rule, whatever subset runs: a real id is never "unknown".
    const rule = ruleSet.find((r) => r.id === 'ignore-unknown-rule');
    for (const u of unknownPragmaIds(df, allRules)) {
      findings.push({ ruleId: 'ignore-unknown-rule', aliases: [], severity: unknownSeverity, message: rule ? rule.message({ id: u.token }) : `unknown rule "${u.token}"`, line: u.line, column: u.column, endLine: u.line, endColumn: u.column + u.token.length, fixable: false });
    }
  }
  const pragmas = options.pragmas === false ? undefined : readPragmas(df, ruleSet);
  let kept = pragmas ? applyPragmas(findings, pragmas, df) : findings;
  const unusedSeverity = severities.get('ignore-unused');
  if (pragmas && unusedSeverity && pragmas.origins.length > 0) {
    const rule = ruleSet.find((r) => r.id === 'ignore-unused');
    // Only rules that really ran: one skipped for want of a build context may well need its suppression.
    const ran = new Set([...active.filter((a) => !a.failed).map((a) => a.rule.id), ...(syntaxSeverity ? ['syntax'] : [])]);
    ran.delete('ignore-unused');
    const unused: Finding[] = unusedPragmas(pragmas, ran).map((u) => {
      const text = df.lines[u.line - 1] ?? '';
      const at = text.toLowerCase().indexOf(u.token.toLowerCase());
      const column = at >= 0 ? at + 1 : 1;
      return { ruleId: 'ignore-unused', aliases: [], severity: unusedSeverity, message: rule ? rule.message({ id: u.token }) : `"${u.token}" suppresses nothing here`, line: u.line, column, endLine: u.line, endColumn: at >= 0 ? column + u.token.length : text.length + 1, fixable: false };
    });
    kept = [...kept, ...applyPragmas(unused, pragmas, df)];
  }
  // BuildKit's `# check=error=true` makes its checks errors; here, the rules that have a BuildKit alias.
  if (options.pragmas !== false && df.directives.check && /(^|;)\s*error\s*=\s*true\s*(;|$)/i.test(df.directives.check)) {
    for (const f of kept) if (f.aliases.some(isBuildKitName)) f.severity = 'error';
  }
  return kept.sort(compareFindings);
}

/** The stages whose filesystem ends up in the shipped image: the target and the stages it is built FROM. */
export function shippedStages(df: Dockerfile, target: Stage | undefined): Set<number> {
  const out = new Set<number>();
  let s = target;
  while (s && !out.has(s.index)) {
    out.add(s.index);
    s = s.baseStage !== undefined ? df.stages[s.baseStage] : undefined;
  }
  return out;
}

export function defaultSeverities(ruleSet: readonly AnyRule[]): Map<string, Severity> {
  return new Map(ruleSet.filter((r) => r.preset === 'recommended').map((r) => [r.id, r.severity]));
}

function toFinding(df: Dockerfile, rule: AnyRule, severity: Severity, r: Report<unknown>): Finding {
  const span = spanOf(df, r.at);
  const fixes: Fix[] = r.fix === undefined ? [] : Array.isArray(r.fix) ? r.fix : [r.fix];
  let message: string;
  try {
    message = rule.message(r.data);
  } catch {
    message = rule.description;
  }
  return {
    ruleId: rule.id,
    aliases: rule.aliases,
    severity,
    message,
    ...span,
    fixable: fixes.length > 0,
    ...(fixes.length > 0 ? { fix: fixes } : {}),
  };
}

/** An instruction is shown by its first line: a long RUN should not highlight twenty lines. */
function spanOf(df: Dockerfile, at: Instruction | Span): Span {
  if ('keyword' in at) {
    const firstLineEnd = at.line === at.endLine ? at.endColumn : (df.lines[at.line - 1]?.length ?? 0) + 1;
    return { line: at.line, column: at.column, endLine: at.line, endColumn: firstLineEnd };
  }
  return { line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
}

function internalFinding(rule: AnyRule, err: unknown): Finding {
  return {
    ruleId: rule.id,
    aliases: rule.aliases,
    severity: 'error',
    message: `internal error in rule ${rule.id}: ${(err as Error)?.message ?? String(err)} (please report it)`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    fixable: false,
  };
}
