/**
 * The project's own view of a Dockerfile: plain data, 1-based positions, values resolved where
 * they can be. Built by `parseDockerfile` (parse.ts) from dockerfile-ast; rules, the context
 * analyser and the fixer read only this.
 */

/** A span in the source, 1-based lines and columns; `endColumn` is exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Character offsets into `Dockerfile.text` (end exclusive), for fixes. */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface InstructionFlag extends Span {
  /** Without the leading `--`: `from`, `mount`, `chown`, `platform`... */
  name: string;
  /** `null` when written without `=` (`--link`). */
  value: string | null;
}

export interface Heredoc {
  /** Delimiter name (`EOF`). */
  name: string;
  /** The body text (without the delimiter lines). */
  content: string;
  /** First line of the body (1-based), or the start line when the body is empty. */
  line: number;
}

export interface Instruction extends Span, OffsetRange {
  /** Upper-cased keyword: `RUN`, `COPY`... (unknown keywords too, upper-cased). */
  keyword: string;
  /** The keyword exactly as written (`run`, `Run`). */
  keywordAsWritten: string;
  /** Raw source text of the whole instruction, continuations and all. */
  raw: string;
  /**
   * The arguments after the flags, as the builder sees them: line continuations joined,
   * comment lines inside continuations removed. For heredoc instructions, the first line only.
   */
  args: string;
  /** `args` split on whitespace outside quotes (quotes kept), flags excluded. */
  words: string[];
  flags: InstructionFlag[];
  /** The JSON-form array when the arguments are a valid JSON array of strings, else `null`. */
  json: string[] | null;
  heredocs: Heredoc[];
  /** Index in `Dockerfile.instructions`. */
  index: number;
  /** Index of the stage it belongs to; -1 for instructions before the first FROM. */
  stageIndex: number;
  /** Comment lines directly above this instruction (no blank line between), top to bottom. */
  leadingComments: Comment[];
}

export interface Comment {
  /** 1-based line. */
  line: number;
  /** Text after `#`, trimmed. */
  text: string;
}

export interface ArgDeclaration {
  name: string;
  /** `undefined` when declared without a default. */
  default: string | undefined;
  instruction: Instruction;
}

export interface Stage {
  index: number;
  /** Stage name from `AS name`, lower-cased as BuildKit compares it; `undefined` when unnamed. */
  name: string | undefined;
  /** The name exactly as written. */
  nameAsWritten: string | undefined;
  /** The `AS` keyword as written (`AS`, `as`), when present. */
  asKeyword: string | undefined;
  /** Base image reference as written (`${BASE}`, `node:20`). */
  base: string;
  /** Base with ARG defaults substituted; equal to `base` when nothing needed resolving. */
  resolvedBase: string;
  /** True when the base still holds a variable that has no default. */
  baseUnresolved: boolean;
  /** Index of an earlier stage this one is built on (`FROM build`), else `undefined`. */
  baseStage: number | undefined;
  /** `--platform` value, when given. */
  platform: string | undefined;
  from: Instruction;
  /** Every instruction of the stage, FROM first. */
  instructions: Instruction[];
  isFinal: boolean;
}

export interface ParserDirectives {
  /** The escape character in effect (`\` unless `# escape=` says otherwise). */
  escape: string;
  syntax: string | undefined;
  /** Raw value of `# check=` (BuildKit's lint control), e.g. `skip=A,B;error=true`. */
  check: string | undefined;
  /** Every directive found, by lower-cased name, with its 1-based line. */
  all: { name: string; value: string; line: number }[];
}

export interface SyntaxProblem extends Span {
  message: string;
}

export interface Dockerfile {
  /** Path as given by the caller (for messages), when any. */
  file: string | undefined;
  /** The text that positions refer to (BOM removed). */
  text: string;
  /** True when the input started with a UTF-8 BOM (kept when fixes are written back). */
  bom: boolean;
  /** Line terminator found first (`\r\n` or `\n`), used when fixes add lines. */
  eol: string;
  /** Source lines (without terminators), index 0 = line 1. */
  lines: string[];
  instructions: Instruction[];
  stages: Stage[];
  /** ARGs declared before the first FROM (usable in FROM lines). */
  globalArgs: ArgDeclaration[];
  directives: ParserDirectives;
  comments: Comment[];
  /** Problems the builder would refuse; reported by the linter as the `syntax` rule. */
  errors: SyntaxProblem[];
}
