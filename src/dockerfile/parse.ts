import { DockerfileParser, type Instruction as AstInstruction } from 'dockerfile-ast';
import type { ArgDeclaration, Comment, Dockerfile, Heredoc, Instruction, InstructionFlag, ParserDirectives, Span, Stage, SyntaxProblem } from './model.js';
import { parseKeyValues, splitWords, substitute } from './variables.js';

export const KNOWN_KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** Keywords the builder refuses without arguments. */
const NEEDS_ARGS = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export interface ParseOptions {
  /** Build-arg values (`--build-arg`), taking precedence over ARG defaults in FROM lines. */
  buildArgs?: Record<string, string>;
}

type AstLike = AstInstruction & {
  getFlags?: () => { getName(): string; getValue(): string | null; getRange(): AstRange }[];
  getHeredocs?: () => { getName(): string; getContentRange(): AstRange | null; getStartRange(): AstRange }[];
};
interface AstRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * Parses any text into the model. Never throws: what the builder would refuse becomes an entry of
 * `errors` (empty file, binary data, no FROM, unknown instruction...), and the rest is still modelled.
 */
export function parseDockerfile(input: string | Uint8Array, file?: string, options: ParseOptions = {}): Dockerfile {
  let text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const eol = /\r\n/.exec(text)?.[0] ?? '\n';
  const lines = text.split(/\r\n|\r|\n/);
  const df: Dockerfile = {
    file,
    text,
    bom,
    eol,
    lines,
    instructions: [],
    stages: [],
    globalArgs: [],
    directives: { escape: '\\', syntax: undefined, check: undefined, all: [] },
    comments: [],
    errors: [],
  };
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const at = positionOf(text, nul);
    // UTF-16 (PowerShell 5's `>` writes it) read as UTF-8: a byte-order mark turned into U+FFFD, or text
    // with a NUL after every character. The builder reads UTF-8 only; say so rather than "binary".
    const utf16 = /^\uFFFD\uFFFD/.test(text) || /^(?:[\x20-\x7e]\u0000){4}|^(?:\u0000[\x20-\x7e]){4}/.test(text);
    const message = utf16 ? 'this file is UTF-16 (what PowerShell 5 writes with >); the builder reads UTF-8 only: save it as UTF-8' : 'this is a binary file, not a Dockerfile';
    df.errors.push({ message, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 1 });
    return df;
  }
  if (text.trim() === '') {
    df.errors.push({ message: 'the Dockerfile is empty (the builder refuses a file with no instructions)', line: 1, column: 1, endLine: 1, endColumn: 1 });
    return df;
  }
  try {
    buildModel(df, options);
  } catch (err) {
    // dockerfile-ast is lenient, but an input it chokes on must still give an answer.
    df.errors.push({ message: `could not parse: ${(err as Error).message}`, line: 1, column: 1, endLine: 1, endColumn: 1 });
  }
  return df;
}

function buildModel(df: Dockerfile, options: ParseOptions): void {
  const ast = DockerfileParser.parse(df.text);
  const lineStarts = computeLineStarts(df.text);
  const offset = (p: { line: number; character: number }): number => Math.min(df.text.length, (lineStarts[p.line] ?? df.text.length) + p.character);
  const position = (o: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - lineStarts[lo]! + 1 };
  };
  df.directives = readDirectives(ast, df);
  const escape = df.directives.escape;
  df.comments = ast.getComments().map((c) => ({ line: c.getRange().start.line + 1, text: c.getContent() }));

  let stageIndex = -1;
  let current: Stage | undefined;
  for (const node of ast.getInstructions() as AstLike[]) {
    const range = node.getRange();
    const start = offset(range.start);
    const end = offset(range.end);
    const raw = df.text.slice(start, end);
    const keywordAsWritten = node.getInstruction();
    const keyword = keywordAsWritten.toUpperCase();
    // Flags and arguments are read from the raw text (dockerfile-ast's accessors re-tokenise on every call).
    const kwEnd = raw.indexOf(keywordAsWritten) + keywordAsWritten.length;
    const { flags, argsStart } = FLAGGED.has(keyword) ? readFlags(df.text, start + kwEnd, end, escape, position) : { flags: [], argsStart: start + kwEnd };
    const rawArgs = df.text.slice(argsStart, end);
    const heredocs = raw.includes('<<') ? readHeredocs(node, df, offset) : [];
    const args = joinContinuations(heredocs.length > 0 ? firstLogicalLine(rawArgs, escape) : rawArgs, escape).trim();
    if (keyword === 'FROM') {
      stageIndex++;
    }
    const instruction: Instruction = {
      keyword,
      keywordAsWritten,
      raw,
      args,
      words: splitWords(args),
      flags,
      json: parseJsonForm(args),
      heredocs,
      index: df.instructions.length,
      stageIndex,
      leadingComments: leadingComments(df.lines, range.start.line),
      start,
      end,
      ...toSpan(range),
    };
    df.instructions.push(instruction);
    if (keyword === 'FROM') {
      current = makeStage(df, instruction, stageIndex, options);
      df.stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
    } else if (keyword === 'ARG') {
      for (const kv of parseKeyValues(args)) df.globalArgs.push({ name: kv.key, default: kv.value, instruction } satisfies ArgDeclaration);
    } else if (KNOWN_KEYWORDS.has(keyword)) {
      df.errors.push(problem(instruction, `${keyword} before the first FROM: only ARG may come before FROM`));
    }
    if (!KNOWN_KEYWORDS.has(keyword)) {
      df.errors.push(problem(instruction, `unknown instruction: ${keywordAsWritten}`));
    } else if (NEEDS_ARGS.has(keyword) && args === '' && heredocs.length === 0) {
      df.errors.push(problem(instruction, `${keyword} requires at least one argument`));
    }
  }
  if (df.stages.length > 0) df.stages[df.stages.length - 1]!.isFinal = true;
  else if (df.instructions.length > 0) {
    const first = df.instructions[0]!;
    df.errors.push(problem(first, 'no FROM instruction: the builder needs a base image (`FROM image` or `FROM scratch`)'));
  }
}

function makeStage(df: Dockerfile, from: Instruction, index: number, options: ParseOptions): Stage {
  const words = from.words;
  const base = words[0] ?? '';
  let name: string | undefined;
  let asKeyword: string | undefined;
  if (words.length >= 3 && words[1]!.toUpperCase() === 'AS') {
    asKeyword = words[1];
    name = words[2];
  }
  if (words.length === 2 || words.length > 3 || (words.length === 3 && asKeyword === undefined)) {
    df.errors.push(problem(from, 'FROM takes an image and optionally `AS name`: FROM [--platform=...] image [AS name]'));
  }
  const lookup = (n: string): string | undefined => options.buildArgs?.[n] ?? df.globalArgs.find((a) => a.name === n)?.default;
  const sub = base.includes('$') ? substitute(base, lookup, df.directives.escape) : undefined;
  const resolvedBase = sub ? sub.value : base;
  const lowerBase = resolvedBase.toLowerCase();
  const baseStage = df.stages.find((s) => s.name !== undefined && s.name === lowerBase)?.index;
  const platform = from.flags.find((f) => f.name === 'platform')?.value ?? undefined;
  return {
    index,
    name: name?.toLowerCase(),
    nameAsWritten: name,
    asKeyword,
    base,
    resolvedBase,
    baseUnresolved: sub ? sub.unresolved.length > 0 : false,
    baseStage,
    platform,
    from,
    instructions: [from],
    isFinal: false,
  };
}

function readDirectives(ast: ReturnType<typeof DockerfileParser.parse>, df: Dockerfile): ParserDirectives {
  const out: ParserDirectives = { escape: '\\', syntax: undefined, check: undefined, all: [] };
  for (const d of ast.getDirectives()) {
    const name = d.getName().toLowerCase();
    const value = d.getValue();
    out.all.push({ name, value, line: d.getRange().start.line + 1 });
    if (name === 'escape' && (value === '`' || value === '\\')) out.escape = value;
    else if (name === 'syntax') out.syntax = value;
    else if (name === 'check') out.check = value;
  }
  // dockerfile-ast knows escape/syntax; BuildKit's `# check=` directive may be missed by older versions.
  if (out.check === undefined) {
    for (let i = 0; i < df.lines.length; i++) {
      const m = /^\s*#\s*([a-zA-Z]+)\s*=\s*(.*?)\s*$/.exec(df.lines[i]!);
      if (!m) break;
      if (m[1]!.toLowerCase() === 'check') {
        out.check = m[2];
        out.all.push({ name: 'check', value: m[2]!, line: i + 1 });
      }
    }
  }
  return out;
}

function readHeredocs(node: AstLike, df: Dockerfile, offset: (p: { line: number; character: number }) => number): Heredoc[] {
  if (typeof node.getHeredocs !== 'function') return [];
  const kw = node.getKeyword();
  if (kw !== 'RUN' && kw !== 'COPY' && kw !== 'ADD') return [];
  return node.getHeredocs().map((h) => {
    const content = h.getContentRange();
    return {
      name: h.getName(),
      content: content ? df.text.slice(offset(content.start), offset(content.end)) : '',
      line: (content ?? h.getStartRange()).start.line + 1,
    };
  });
}

/** Instructions that take `--flag` options before their arguments. */
const FLAGGED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);

/** Reads leading `--name[=value]` words (continuations allowed between them). */
function readFlags(text: string, from: number, end: number, escape: string, position: (o: number) => { line: number; column: number }): { flags: InstructionFlag[]; argsStart: number } {
  const flags: InstructionFlag[] = [];
  let i = from;
  for (;;) {
    // Skip blanks and escaped newlines.
    while (i < end) {
      const c = text[i]!;
      if (c === ' ' || c === '\t') i++;
      else if (c === escape && (text[i + 1] === '\n' || text[i + 1] === '\r')) i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      else if ((c === '\n' || c === '\r') && i > from) i++;
      else break;
    }
    if (!(text[i] === '-' && text[i + 1] === '-' && i + 2 < end && /[A-Za-z]/.test(text[i + 2]!))) break;
    const s = i;
    while (i < end && !/\s/.test(text[i]!)) i++;
    const word = text.slice(s + 2, i);
    const eq = word.indexOf('=');
    const a = position(s);
    const b = position(i);
    flags.push({ name: eq < 0 ? word : word.slice(0, eq), value: eq < 0 ? null : word.slice(eq + 1).replace(/^"(.*)"$/, '$1'), line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
  }
  return { flags, argsStart: i };
}

/** Joins `\`-continued lines the way the builder does, dropping comment and empty lines inside. */
export function joinContinuations(raw: string, escape: string): string {
  if (!raw.includes('\n') && !raw.includes('\r')) return raw;
  const physical = raw.split(/\r\n|\r|\n/);
  let out = '';
  physical.forEach((line, i) => {
    if (i > 0) {
      const t = line.trim();
      if (t === '' || t.startsWith('#')) return;
    }
    const trimmed = line.replace(/[ \t]+$/, '');
    out += trimmed.endsWith(escape) && i < physical.length - 1 ? trimmed.slice(0, -1) : line;
  });
  return out;
}

/** For heredoc instructions: the part of the arguments before the first newline (continuations followed). */
function firstLogicalLine(raw: string, escape: string): string {
  const physical = raw.split(/\r\n|\r|\n/);
  const kept: string[] = [];
  for (const line of physical) {
    kept.push(line);
    if (!line.replace(/[ \t]+$/, '').endsWith(escape)) break;
  }
  return kept.join('\n');
}

/** The JSON form (exec form) when the text is a JSON array of strings. */
export function parseJsonForm(args: string): string[] | null {
  const t = args.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return null;
  try {
    const v: unknown = JSON.parse(t);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // Not JSON: the builder then runs it in shell form.
  }
  return null;
}

function leadingComments(lines: string[], zeroBasedLine: number): Comment[] {
  const out: Comment[] = [];
  for (let l = zeroBasedLine - 1; l >= 0; l--) {
    const t = lines[l]!.trim();
    if (!t.startsWith('#')) break;
    out.unshift({ line: l + 1, text: t.replace(/^#+/, '').trim() });
  }
  return out;
}

function toSpan(r: AstRange): Span {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function problem(i: Instruction, message: string): SyntaxProblem {
  return { message, line: i.line, column: i.column, endLine: i.line, endColumn: i.line === i.endLine ? i.endColumn : i.column + i.keywordAsWritten.length };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}
