import { posix } from 'node:path';
import type { Dockerfile, Instruction, Stage } from '../dockerfile/index.js';
import { copyFromSource, resolveAt, unquote } from '../dockerfile/index.js';
import { hasWildcards } from './matcher.js';

/** One COPY/ADD of the Dockerfile, with its sources resolved (context or another stage). */
export interface CopyInstruction {
  instruction: Instruction;
  line: number;
  stageIndex: number;
  /** The stage's name, or its index as text. */
  stage: string;
  keyword: 'COPY' | 'ADD';
  /** Sources as written. */
  sources: string[];
  /** Sources with variables resolved, cleaned to context-relative form (`.` for the whole context). */
  resolvedSources: string[];
  dest: string;
  /** Index of the stage it copies from (`--from=<stage>`); undefined for the build context. */
  fromStage: number | undefined;
  /** `--from=<image>` (not a stage): nothing from the context. */
  fromImage: string | undefined;
  /** Sources that are URLs or git refs (ADD): not from the context. */
  remote: string[];
}

/** A stage as BuildKit's progress output names it: its AS name, else `stage-N`. */
export function stageLabel(stage: Stage): string {
  return stage.nameAsWritten ?? `stage-${stage.index}`;
}

const isRemote = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git@');

/** The COPY/ADD instructions, in file order, with their sources and destination parsed. */
export function copyInstructions(df: Dockerfile): CopyInstruction[] {
  const out: CopyInstruction[] = [];
  for (const i of df.instructions) {
    if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
    if (i.stageIndex < 0) continue;
    const parts = (i.json ?? i.words.map(unquote)).slice();
    if (i.heredocs.length > 0 || parts.length < 2) continue;
    const dest = parts.pop()!;
    const stage = df.stages[i.stageIndex]!;
    const from = copyFromSource(df, i);
    const remote = parts.filter(isRemote);
    const local = parts.filter((p) => !isRemote(p));
    out.push({
      instruction: i,
      line: i.line,
      stageIndex: i.stageIndex,
      stage: stageLabel(stage),
      keyword: i.keyword,
      sources: parts,
      resolvedSources: local.map((s) => cleanSource(resolveAt(df, i, s).value)),
      dest: resolveAt(df, i, dest).value,
      fromStage: from?.stage,
      fromImage: from && from.stage === undefined ? from.resolved : undefined,
      remote,
    });
  }
  return out;
}

/** COPY sources are relative to the context root whatever their spelling: `/a`, `./a`, `a/`. */
export function cleanSource(s: string): string {
  let p = posix.normalize(s);
  while (p.startsWith('/')) p = p.slice(1);
  if (p.endsWith('/') && p.length > 1) p = p.slice(0, -1);
  if (p === '' || p === '/') return '.';
  if (p.startsWith('../')) p = p.replace(/^(\.\.\/)+/, '');
  return p === '..' ? '.' : p;
}

/** Go filepath.Match as a RegExp over one or more whole segments (`*` and `?` never cross `/`). */
function globRegex(glob: string): RegExp {
  let re = '^';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\' && i + 1 < glob.length) re += `\\${glob[++i]}`;
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let cls = glob.slice(i + 1, end);
        if (cls.startsWith('^') || cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += /[.+^${}()|\]\\/]/.test(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`${re}$`);
}

/** Tells whether one COPY source takes a context path (the path itself, or anything below a folder it names). */
export function sourceMatcher(source: string): (path: string) => boolean {
  if (source === '.') return () => true;
  if (!hasWildcards(source)) return (p) => p === source || p.startsWith(`${source}/`);
  const re = globRegex(source);
  const depth = source.split('/').length;
  return (p) => {
    const segs = p.split('/');
    if (segs.length < depth) return false;
    return re.test(segs.length === depth ? p : segs.slice(0, depth).join('/'));
  };
}

/** Where a copied context file lands in the stage's filesystem (best effort, for taint tracking). */
export function destinationOf(copy: CopyInstruction, source: string, path: string, workdir: string): string {
  const base = copy.dest.startsWith('/') ? copy.dest : posix.join(workdir, copy.dest);
  const destIsDir = copy.dest.endsWith('/') || copy.sources.length > 1 || source === '.' || hasWildcards(source) || path !== source;
  let rel: string;
  if (source === '.') rel = path;
  else if (hasWildcards(source)) {
    // A glob copies each match: a file lands by its name, a folder's contents keep their layout.
    const depth = source.split('/').length;
    const segs = path.split('/');
    rel = segs.slice(depth - 1).join('/');
  } else if (path === source) rel = posix.basename(path);
  else rel = path.slice(source.length + 1);
  return destIsDir ? posix.join(base, rel) : base;
}
