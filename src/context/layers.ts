import { posix } from 'node:path';
import type { Dockerfile, Instruction } from '../dockerfile/index.js';
import { inheritedInstructions } from '../dockerfile/index.js';
import { stageLabel, type CopyInstruction } from './copies.js';

/** Files a dependency install reads: copying only these first keeps its layer cached across code edits. */
const MANIFEST = new RegExp(
  '^(package\\.json|package-lock\\.json|npm-shrinkwrap\\.json|yarn\\.lock|\\.yarnrc(\\.yml)?|pnpm-lock\\.yaml|pnpm-workspace\\.yaml|\\.npmrc|\\.pnpmfile\\.cjs|' +
    'bun\\.lockb?|bunfig\\.toml|requirements[^/]*\\.txt|constraints[^/]*\\.txt|pyproject\\.toml|poetry\\.lock|uv\\.lock|Pipfile(\\.lock)?|setup\\.cfg|' +
    'go\\.mod|go\\.sum|go\\.work(\\.sum)?|Gemfile(\\.lock)?|composer\\.(json|lock)|Cargo\\.(toml|lock)|\\.nvmrc|\\.node-version|\\.python-version)$',
);
const MANIFEST_DIRS = /^(vendor|\.yarn|patches)\//;

export function isManifest(path: string): boolean {
  return MANIFEST.test(posix.basename(path)) || MANIFEST_DIRS.test(path);
}

const INSTALL = /\b(npm\s+(ci|install|i)\b|pnpm\s+(install|i)\b|yarn(\s+install)?\s*($|&&|;|--)|bun\s+install|pip3?\s+install|python3?\s+-m\s+pip\s+install|poetry\s+install|uv\s+(sync|pip\s+install)|pipenv\s+(install|sync)|go\s+mod\s+download|bundle\s+install|composer\s+install|cargo\s+fetch)/;

export function isDependencyInstall(i: Instruction): boolean {
  return i.keyword === 'RUN' && INSTALL.test(i.args);
}

/** A COPY that brings source files in before the dependency install, so every code edit reinstalls. */
export interface LayerOrderFinding {
  stage: string;
  installLine: number;
  install: string;
  copyLine: number;
  copy: string;
  /** Context files that COPY takes which the install does not read (a sample). */
  offenders: string[];
  offenderCount: number;
  manifests: string[];
  /** The instructions to use instead, in order. */
  fix: string[];
}

/**
 * For each dependency-install RUN, the COPYs before it (in its stage and the stages it is built on)
 * that take more than the manifests. `taken` is what each COPY takes from the context.
 */
export function findLayerOrder(df: Dockerfile, copies: readonly CopyInstruction[], taken: ReadonlyMap<number, readonly string[]>): LayerOrderFinding[] {
  const out: LayerOrderFinding[] = [];
  const byIndex = new Map(copies.map((c) => [c.instruction.index, c]));
  for (const stage of df.stages) {
    const all = inheritedInstructions(df, stage);
    for (const run of stage.instructions.filter(isDependencyInstall)) {
      for (const i of all) {
        if (i.index >= run.index) break;
        const copy = byIndex.get(i.index);
        if (!copy || copy.fromStage !== undefined || copy.fromImage !== undefined) continue;
        const files = taken.get(i.index) ?? [];
        // Source files first in the sample: they are what a developer edits all day.
        const offenders = files.filter((f) => !isManifest(f)).sort((a, b) => Number(isHidden(a)) - Number(isHidden(b)));
        if (offenders.length === 0) continue;
        const manifests = files.filter(isManifest).filter((f) => !MANIFEST_DIRS.test(f));
        out.push({
          stage: stageLabel(stage),
          installLine: run.line,
          install: run.raw.split('\n')[0]!,
          copyLine: copy.line,
          copy: copy.instruction.raw.split('\n')[0]!,
          offenders: offenders.slice(0, 10),
          offenderCount: offenders.length,
          manifests,
          fix: reorder(copy, run, manifests),
        });
      }
    }
  }
  return out;
}

const isHidden = (p: string): boolean => p.split('/').some((s) => s.startsWith('.'));

/**
 * `RUN npm ci && npm run build`: the install part can move up, the build part needs the sources.
 * Splits the shell form on top-level `&&` after the last install command.
 */
export function splitInstall(run: Instruction): { install: string; rest: string | undefined } {
  if (run.json) return { install: run.raw.split('\n')[0]!, rest: undefined };
  const flags = run.flags.map((f) => (f.value === null ? `--${f.name}` : `--${f.name}=${f.value}`));
  const parts = run.args.split(/\s*&&\s*/);
  let last = -1;
  parts.forEach((p, i) => {
    if (INSTALL.test(p)) last = i;
  });
  const head = ['RUN', ...flags].join(' ');
  if (last < 0 || last === parts.length - 1) return { install: `${head} ${run.args}`, rest: undefined };
  return { install: `${head} ${parts.slice(0, last + 1).join(' && ')}`, rest: `RUN ${parts.slice(last + 1).join(' && ')}` };
}

function reorder(copy: CopyInstruction, run: Instruction, manifests: string[]): string[] {
  const dest = copy.dest.endsWith('/') ? copy.dest : `${copy.dest}/`;
  const flags = copy.instruction.flags.filter((f) => f.name !== 'from').map((f) => (f.value === null ? `--${f.name}` : `--${f.name}=${f.value}`));
  const prefix = ['COPY', ...flags].join(' ');
  const byDir = new Map<string, string[]>();
  for (const m of manifests) {
    const d = posix.dirname(m);
    byDir.set(d, [...(byDir.get(d) ?? []), m]);
  }
  const lines: string[] = [];
  const dirs = [...byDir.keys()].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b)).slice(0, 8);
  for (const d of dirs) {
    const target = d === '.' ? dest : posix.join(dest, d) + '/';
    lines.push(`${prefix} ${byDir.get(d)!.sort().join(' ')} ${target}`);
  }
  if (lines.length === 0) lines.push(`${prefix} <the dependency manifests> ${dest}`);
  const { install, rest } = splitInstall(run);
  lines.push(install);
  lines.push(copy.instruction.raw.split('\n')[0]!);
  if (rest) lines.push(rest);
  return lines;
}
