import type { Dockerfile, Instruction, Stage } from './model.js';
import { parseKeyValues, substitute } from './variables.js';

/** The stage that `docker build` ships: `--target` when given (by name or index), else the last. */
export function finalStage(df: Dockerfile, target?: string): Stage | undefined {
  if (target === undefined || target === '') return df.stages[df.stages.length - 1];
  const t = target.toLowerCase();
  return df.stages.find((s) => s.name === t) ?? (/^\d+$/.test(t) ? df.stages[Number(t)] : undefined);
}

/** Stages the target depends on (through FROM and COPY --from), the target included, in file order. */
export function stagesNeededFor(df: Dockerfile, target: Stage): Stage[] {
  const needed = new Set<number>();
  const visit = (s: Stage): void => {
    if (needed.has(s.index)) return;
    needed.add(s.index);
    if (s.baseStage !== undefined) visit(df.stages[s.baseStage]!);
    for (const i of s.instructions) {
      const from = copyFromSource(df, i);
      if (from?.stage !== undefined) visit(df.stages[from.stage]!);
      for (const m of mountsOf(i)) {
        const st = m.from !== undefined ? stageByReference(df, m.from, s.index) : undefined;
        if (st !== undefined) visit(df.stages[st]!);
      }
    }
  };
  visit(target);
  return df.stages.filter((s) => needed.has(s.index));
}

/**
 * Variables known just before `instruction` within its stage: global ARGs re-declared in the stage,
 * the stage's ARG defaults and ENV values. A name declared without a value maps to `undefined`.
 */
export function variablesBefore(df: Dockerfile, instruction: Instruction): Map<string, string | undefined> {
  // Rules ask for many instructions of the same stage: one forward pass per stage fills the cache.
  const cached = variableCache.get(instruction);
  if (cached) return cached;
  const stage = df.stages[instruction.stageIndex];
  if (!stage || df.instructions[instruction.index] !== instruction) return computeVariablesBefore(df, instruction);
  fillStage(df, stage);
  return variableCache.get(instruction) ?? computeVariablesBefore(df, instruction);
}

const variableCache = new WeakMap<Instruction, Map<string, string | undefined>>();

/** Caches the variables before every instruction of a stage; a new Map only where ARG/ENV change it. */
function fillStage(df: Dockerfile, stage: Stage): void {
  let vars = inheritedEnv(df, stage);
  for (const i of stage.instructions) {
    variableCache.set(i, vars);
    if (i.keyword === 'ARG' || i.keyword === 'ENV') {
      vars = new Map(vars);
      apply(df, i, vars);
    }
  }
}

/** A stage inherits ENV (not ARG) from the stage it is built on. */
function inheritedEnv(df: Dockerfile, stage: Stage): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>();
  if (stage.baseStage === undefined) return vars;
  const parent = df.stages[stage.baseStage]!;
  const last = parent.instructions[parent.instructions.length - 1]!;
  const after = new Map(variablesBefore(df, last));
  apply(df, last, after);
  for (const [k, v] of after) if (envDefinedIn(parent, k)) vars.set(k, v);
  return vars;
}

function apply(df: Dockerfile, i: Instruction, vars: Map<string, string | undefined>): void {
  const lookup = (n: string): string | undefined => vars.get(n);
  if (i.keyword === 'ARG') {
    for (const kv of parseKeyValues(i.args)) {
      const global = df.globalArgs.find((a) => a.name === kv.key);
      const value = kv.value !== undefined ? substitute(kv.value, lookup, df.directives.escape).value : global?.default;
      if (!vars.has(kv.key) || kv.value !== undefined || global) vars.set(kv.key, value ?? vars.get(kv.key));
    }
  } else if (i.keyword === 'ENV') {
    for (const kv of parseKeyValues(i.args)) vars.set(kv.key, kv.value === undefined ? undefined : substitute(kv.value, lookup, df.directives.escape).value);
  }
}

/** The uncached path: global instructions (before the first FROM) and synthetic instructions. */
function computeVariablesBefore(df: Dockerfile, instruction: Instruction): Map<string, string | undefined> {
  const stage = df.stages[instruction.stageIndex];
  if (!stage) {
    const vars = new Map<string, string | undefined>();
    for (const a of df.globalArgs) if (a.instruction.index < instruction.index) vars.set(a.name, a.default);
    return vars;
  }
  const vars = inheritedEnv(df, stage);
  for (const i of stage.instructions) {
    if (i.index >= instruction.index) break;
    apply(df, i, vars);
  }
  return vars;
}

function envDefinedIn(stage: Stage, name: string): boolean {
  return stage.instructions.some((i) => i.keyword === 'ENV' && parseKeyValues(i.args).some((kv) => kv.key === name));
}

/** Resolves `$VAR` references in `text` as seen by `instruction`; unresolvable parts stay as written. */
export function resolveAt(df: Dockerfile, instruction: Instruction, text: string): { value: string; unresolved: string[] } {
  if (!text.includes('$')) return { value: text, unresolved: [] };
  const vars = variablesBefore(df, instruction);
  const r = substitute(text, (n) => vars.get(n), df.directives.escape);
  return { value: r.unresolved.length > 0 ? text : r.value, unresolved: r.unresolved };
}

/** Index of the stage a `--from` value names (by name or number, before `beforeStage`), else `undefined`. */
export function stageByReference(df: Dockerfile, ref: string, beforeStage = df.stages.length): number | undefined {
  const r = ref.toLowerCase();
  const named = df.stages.find((s) => s.name === r && s.index < beforeStage);
  if (named) return named.index;
  if (/^\d+$/.test(r)) {
    const n = Number(r);
    return n < beforeStage && n < df.stages.length ? n : undefined;
  }
  return undefined;
}

export interface CopyFromSource {
  /** The value as written (`${STAGE}`, `build`, `nginx:1.27`). */
  raw: string;
  /** With variables resolved. */
  resolved: string;
  /** The stage it refers to, when it names an earlier stage. */
  stage: number | undefined;
  /** True when it names the stage the COPY is in. */
  self: boolean;
  /** True when it could not be resolved (a variable without a default). */
  unresolved: boolean;
}

/** Where `COPY --from=...` reads from, with ARGs resolved; `undefined` for a COPY without `--from`. */
export function copyFromSource(df: Dockerfile, instruction: Instruction): CopyFromSource | undefined {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return undefined;
  const flag = instruction.flags.find((f) => f.name === 'from');
  if (!flag || flag.value === null) return undefined;
  const r = resolveAt(df, instruction, flag.value);
  const resolved = r.value;
  const stageHere = df.stages[instruction.stageIndex];
  const self = stageHere?.name !== undefined && stageHere.name === resolved.toLowerCase();
  return { raw: flag.value, resolved, stage: stageByReference(df, resolved, instruction.stageIndex), self, unresolved: r.unresolved.length > 0 };
}

export interface Mount {
  type: string;
  target: string | undefined;
  from: string | undefined;
  source: string | undefined;
  id: string | undefined;
  options: Record<string, string>;
}

/** `RUN --mount=...` flags, parsed (`type` defaults to bind, as in BuildKit). */
export function mountsOf(instruction: Instruction): Mount[] {
  if (instruction.keyword !== 'RUN') return [];
  return instruction.flags
    .filter((f) => f.name === 'mount' && f.value !== null)
    .map((f) => {
      const options: Record<string, string> = {};
      for (const part of f.value!.split(',')) {
        const eq = part.indexOf('=');
        if (eq < 0) options[part.trim()] = 'true';
        else options[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
      }
      return {
        type: options.type ?? 'bind',
        target: options.target ?? options.dst ?? options.destination,
        from: options.from,
        source: options.source ?? options.src,
        id: options.id,
        options,
      };
    });
}

/** The first stage in the FROM chain (`FROM build` -> build's base...) whose base is an image. */
export function rootImageStage(df: Dockerfile, stage: Stage): Stage {
  let s = stage;
  const seen = new Set<number>();
  while (s.baseStage !== undefined && !seen.has(s.index)) {
    seen.add(s.index);
    s = df.stages[s.baseStage]!;
  }
  return s;
}

/** Every instruction a stage runs, including those it inherits through `FROM <earlier stage>`. */
export function inheritedInstructions(df: Dockerfile, stage: Stage): Instruction[] {
  const chain: Stage[] = [];
  let s: Stage | undefined = stage;
  const seen = new Set<number>();
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    chain.unshift(s);
    s = s.baseStage !== undefined ? df.stages[s.baseStage] : undefined;
  }
  return chain.flatMap((c) => c.instructions);
}
