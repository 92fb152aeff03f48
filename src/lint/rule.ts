import type { Dockerfile, Instruction, Span, Stage } from '../dockerfile/index.js';
import type { BuildContextView } from './context.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Presets nest: everything in `recommended` is in `strict`, everything in `strict` is in `all`. */
export type Preset = 'recommended' | 'strict' | 'all';
export const PRESETS: readonly Preset[] = ['recommended', 'strict', 'all'];

/** A text replacement in `Dockerfile.text` (offsets, end exclusive). */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export interface Report<D> {
  /** Where: an instruction (its first line is shown) or a precise span. */
  at: Instruction | Span;
  data: D;
  /** Only replacements that cannot change what the build produces. */
  fix?: Fix | Fix[];
}

/** Settings some rules read; a rule looks only at the ones it needs. */
export interface RuleSettings {
  /** Registries FROM may pull from (`docker.io`, `ghcr.io`); empty = no restriction. */
  trustedRegistries: string[];
}

export interface RuleContext<D> {
  df: Dockerfile;
  /** The stage that ships (the last one, or `--target`); `undefined` when there is no FROM. */
  target: Stage | undefined;
  settings: RuleSettings;
  /** The build context, when it is known (a file on disk, or `--context`). */
  buildContext: BuildContextView | undefined;
  report(report: Report<D>): void;
}

type InstructionVisitor = (instruction: Instruction, stage: Stage | undefined) => void;

export type Keyword =
  | 'ADD' | 'ARG' | 'CMD' | 'COPY' | 'ENTRYPOINT' | 'ENV' | 'EXPOSE' | 'FROM' | 'HEALTHCHECK' | 'LABEL'
  | 'MAINTAINER' | 'ONBUILD' | 'RUN' | 'SHELL' | 'STOPSIGNAL' | 'USER' | 'VOLUME' | 'WORKDIR';

/**
 * What `create` returns: a function per instruction keyword (`RUN`, `COPY`...), `instruction` for
 * every one, `stage`/`stageEnd` around each stage, and `end` once the whole file was seen.
 */
export type Visitors = { [K in Keyword]?: InstructionVisitor } & {
  instruction?: InstructionVisitor;
  stage?: (stage: Stage) => void;
  stageEnd?: (stage: Stage) => void;
  end?: () => void;
};

export interface Rule<D = void> {
  /** kebab-case, equal to the file name under src/lint/rules/. */
  id: string;
  severity: Severity;
  /** One sentence: what the rule asks for. */
  description: string;
  message: (data: D) => string;
  /** The peers' IDs for the same concern: hadolint DLxxxx, BuildKit check names, Trivy DS-00xx, Checkov CKV_DOCKER_x. */
  aliases: string[];
  /** `final`: only the stages that ship (the target and the stages it is built FROM). */
  scope: 'all' | 'final';
  /** The smallest preset that turns the rule on. */
  preset: Preset;
  /** True when some reports carry a safe fix. */
  fixable?: boolean;
  /** True when the rule needs the build context (it is skipped when the context is unknown). */
  needsContext?: boolean;
  create(context: RuleContext<D>): Visitors;
}

// Rules with different message data live in one list; the linter only passes each its own data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export const DOCS_BASE_URL = 'https://github.com/stagecraft/stagecraft/blob/main/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

/** Identity with types: `export default defineRule({ id: 'x', ... })` keeps `message`'s data typed. */
export function defineRule<D = void>(rule: Rule<D>): Rule<D> {
  return rule;
}
