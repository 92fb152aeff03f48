import { posix } from 'node:path';
import type { Dockerfile, Instruction, Stage } from '../dockerfile/index.js';
import { finalStage, mountsOf, stageByReference, stagesNeededFor } from '../dockerfile/index.js';
import { stageLabel, type CopyInstruction } from './copies.js';
import { sourceMatcher } from './copies.js';
import type { ContextMatcher } from './matcher.js';

/** Instructions that are build steps (vertices BuildKit runs or finds CACHED); the rest only set metadata. */
export const STEP_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

export interface StageRebuild {
  stage: string;
  stageIndex: number;
  /** False when the target does not need this stage: BuildKit skips it. */
  built: boolean;
  /** Line of the first instruction whose cache is invalidated; null when the stage stays cached. */
  line: number | null;
  instruction?: string;
  reason?: string;
  /** Build steps that re-run from that point (RUN, COPY, ADD, WORKDIR). */
  steps: number;
  /** Build steps of the stage in all. */
  totalSteps: number;
  /** The lines of the steps that re-run. */
  stepLines: number[];
}

export interface CacheMap {
  stages: StageRebuild[];
  /** Changed paths the .dockerignore excludes: they invalidate nothing. */
  ignoredChanges: string[];
  /** Changed paths no COPY/ADD or bind mount takes. */
  unusedChanges: string[];
  /** Steps that re-run over the stages the target needs. */
  steps: number;
  totalSteps: number;
  /** What the map cannot see (the Dockerfile or the .dockerignore itself changed). */
  notes: string[];
}

export function normalizeChanged(p: string): string {
  let r = posix.normalize(p);
  if (r.startsWith('./')) r = r.slice(2);
  if (r.endsWith('/') && r.length > 1) r = r.slice(0, -1);
  return r;
}

const short = (i: Instruction): string => (i.raw.split('\n')[0]!.length > 80 ? `${i.raw.split('\n')[0]!.slice(0, 77)}...` : i.raw.split('\n')[0]!);

/**
 * Predicts which steps a change rebuilds: in each stage, the first COPY/ADD (or RUN bind mount)
 * whose context sources take a changed file, or that reads from a stage that re-runs, or the FROM
 * of a stage built on one that re-runs; every step after it re-runs too. Conservative for
 * `COPY --from`: a stage that re-runs is assumed to produce different files.
 */
export function cacheMap(df: Dockerfile, copies: readonly CopyInstruction[], matcher: ContextMatcher, changedPaths: readonly string[], target?: string): CacheMap {
  const changed = [...new Set(changedPaths.map(normalizeChanged))].filter((p) => p !== '.' && p !== '');
  const ignoredChanges = changed.filter((p) => matcher.ignores(p));
  const live = changed.filter((p) => !matcher.ignores(p));
  const used = new Set<string>();
  const byInstruction = new Map(copies.map((c) => [c.instruction.index, c]));
  const final = finalStage(df, target);
  const needed = new Set(final ? stagesNeededFor(df, final).map((s) => s.index) : df.stages.map((s) => s.index));
  const invalidated = new Set<number>();
  const stages: StageRebuild[] = [];

  const takesChanged = (sources: readonly string[]): string | undefined => {
    let hit: string | undefined;
    for (const s of sources) {
      const m = sourceMatcher(s);
      for (const p of live) {
        if (m(p)) {
          used.add(p);
          hit ??= p;
        }
      }
    }
    return hit;
  };

  for (const stage of df.stages) {
    const steps = stage.instructions.filter((i) => STEP_KEYWORDS.has(i.keyword));
    let first: { instruction: Instruction; reason: string } | undefined;
    if (stage.baseStage !== undefined && invalidated.has(stage.baseStage)) {
      first = { instruction: stage.from, reason: `built on stage ${label(df.stages[stage.baseStage]!)}, which re-runs` };
    }
    for (const i of stage.instructions) {
      const reason = invalidationReason(df, stage, i, byInstruction.get(i.index), invalidated, takesChanged);
      if (reason && !first) first = { instruction: i, reason };
    }
    const rerun = first ? steps.filter((s) => s.index >= first!.instruction.index) : [];
    if (first) invalidated.add(stage.index);
    stages.push({
      stage: label(stage),
      stageIndex: stage.index,
      built: needed.has(stage.index),
      line: first ? first.instruction.line : null,
      instruction: first ? short(first.instruction) : undefined,
      reason: first?.reason,
      steps: rerun.length,
      totalSteps: steps.length,
      stepLines: rerun.map((s) => s.line),
    });
  }
  const builtStages = stages.filter((s) => s.built);
  return {
    stages,
    ignoredChanges,
    unusedChanges: live.filter((p) => !used.has(p)),
    steps: builtStages.reduce((n, s) => n + s.steps, 0),
    totalSteps: builtStages.reduce((n, s) => n + s.totalSteps, 0),
    notes: [],
  };
}

function label(s: Stage): string {
  return stageLabel(s);
}

function invalidationReason(
  df: Dockerfile,
  stage: Stage,
  i: Instruction,
  copy: CopyInstruction | undefined,
  invalidated: Set<number>,
  takesChanged: (sources: readonly string[]) => string | undefined,
): string | undefined {
  if (copy) {
    if (copy.fromStage !== undefined) return invalidated.has(copy.fromStage) ? `copies from stage ${label(df.stages[copy.fromStage]!)}, which re-runs` : undefined;
    if (copy.fromImage !== undefined) return undefined;
    const hit = takesChanged(copy.resolvedSources);
    return hit ? `${copy.keyword} takes the changed ${hit}` : undefined;
  }
  if (i.keyword === 'RUN') {
    for (const m of mountsOf(i)) {
      if (m.type !== 'bind') continue;
      if (m.from !== undefined) {
        const st = stageByReference(df, m.from, stage.index);
        if (st !== undefined && invalidated.has(st)) return `mounts stage ${label(df.stages[st]!)}, which re-runs`;
        continue;
      }
      const source = m.source ? posix.normalize(m.source).replace(/^\/+/, '') || '.' : '.';
      const hit = takesChanged([source === '' ? '.' : source]);
      if (hit) return `bind-mounts the changed ${hit}`;
    }
  }
  return undefined;
}
