import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { posix } from 'node:path';
import type { Dockerfile } from '../dockerfile/index.js';
import { finalStage, parseDockerfile, resolveAt } from '../dockerfile/index.js';
import { UserError } from '../util/errors.js';
import { renderDockerignore } from '../render/dockerignore.js';
import { cacheMap, type CacheMap } from './cache.js';
import { copyInstructions, destinationOf, sourceMatcher, stageLabel, type CopyInstruction } from './copies.js';
import { findJunk, findPatternProblems, findSecrets, walkProblemFindings, type ContextFinding } from './findings.js';
import { findLayerOrder, type LayerOrderFinding } from './layers.js';
import { createMatcher, hasWildcards, type ContextMatcher } from './matcher.js';
import { walkContext, type WalkResult } from './walk.js';

export interface ContextOptions {
  /** The build context folder. */
  dir: string;
  /** The Dockerfile (as `docker build -f` takes it); default `<dir>/Dockerfile`. */
  dockerfile?: string;
  /** Changed paths, relative to the context: turns on the cache map. */
  changed?: string[];
  /** `--target`: the stage the build ships (default: the last). */
  target?: string;
  /** How many largest files and folders to list. */
  top?: number;
}

export interface CopyReport {
  line: number;
  stage: string;
  keyword: 'COPY' | 'ADD';
  sources: string[];
  dest: string;
  /** `--from` stage or image, when it does not read the context. */
  from?: string;
  fileCount: number;
  bytes: number;
  /** Sources that take nothing from the context (BuildKit fails the build on those). */
  missing: string[];
  /** Sources that exist on disk but the .dockerignore excludes (COPY cannot see them). */
  ignored: string[];
  /** Secret files it brings into the stage (context paths, or stage:path for --from). */
  secrets: string[];
  /** Junk it brings into the stage (the finding paths). */
  junk: string[];
}

export interface StageReach {
  stage: string;
  stageIndex: number;
  final: boolean;
  /** Secret files present in the stage's filesystem: context path -> image path. */
  secrets: { path: string; imagePath: string }[];
  junk: { path: string; files: number }[];
}

export interface ContextReport {
  context: string;
  dockerfile: string | null;
  /** The ignore file in effect (`<Dockerfile>.dockerignore` wins over `.dockerignore`), or null. */
  ignoreFile: string | null;
  fileCount: number;
  bytes: number;
  excluded: { fileCount: number; bytes: number; prunedFolders: number };
  largestFiles: { path: string; bytes: number }[];
  largestFolders: { path: string; files: number; bytes: number }[];
  /** What the .dockerignore kept out, by top-level path. */
  saved: { path: string; files: number; bytes: number }[];
  findings: ContextFinding[];
  copies: CopyReport[];
  stages: StageReach[];
  /** Secrets and junk that end up in the image the build ships. */
  finalImage: { secrets: string[]; junk: string[] };
  layerOrder: LayerOrderFinding[];
  /** The .dockerignore lines stagecraft recommends adding. */
  recommended: string[];
  cache?: CacheMap;
  /** Internal: the walk, for --list-files and --fix. */
  walk: WalkResult;
  dockerignoreText: string;
  ignorePath: string;
}

/** Where the ignore file for a build of `dockerfile` in `contextDir` is (BuildKit's precedence). */
export function ignoreFileFor(contextDir: string, dockerfile: string | undefined): { path: string; exists: boolean } {
  if (dockerfile) {
    const specific = `${dockerfile}.dockerignore`;
    if (existsSync(specific)) return { path: specific, exists: true };
  }
  const root = join(contextDir, '.dockerignore');
  return { path: root, exists: existsSync(root) };
}

function resolveContext(dir: string): string {
  const abs = resolve(dir);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new UserError(`the build context ${dir} does not exist`);
  }
  if (!st.isDirectory()) throw new UserError(`the build context ${dir} is not a folder`);
  const real = realpathSync(abs);
  if (real === '/' || real === resolve('/')) {
    throw new UserError(`refusing to use the filesystem root (${dir}) as a build context: it would send the whole machine to the builder`, 2, undefined, undefined, 'pass the project folder, e.g. `stagecraft context ./app`');
  }
  return abs;
}

export function analyzeContext(options: ContextOptions): ContextReport {
  const root = resolveContext(options.dir);
  const top = options.top ?? 10;
  const dockerfilePath = options.dockerfile ? resolve(options.dockerfile) : join(root, 'Dockerfile');
  let df: Dockerfile | undefined;
  if (existsSync(dockerfilePath)) {
    if (statSync(dockerfilePath).isDirectory()) throw new UserError(`${dockerfilePath} is a folder, not a Dockerfile`, 2, undefined, undefined, 'pass -f with the Dockerfile itself');
    try {
      df = parseDockerfile(readFileSync(dockerfilePath), dockerfilePath);
    } catch (err) {
      throw new UserError(`cannot read ${dockerfilePath}: ${(err as Error).message}`);
    }
  } else if (options.dockerfile) {
    throw new UserError(`the Dockerfile ${options.dockerfile} does not exist`);
  }
  if (df && options.target !== undefined && !finalStage(df, options.target)) {
    throw new UserError(`no stage named ${options.target} in ${dockerfilePath}`, 2, undefined, undefined, `stages: ${df.stages.map((s) => stageLabel(s)).join(', ')}`);
  }
  const ignore = ignoreFileFor(root, df ? dockerfilePath : undefined);
  const ignoreText = ignore.exists ? readFileSync(ignore.path, 'utf8') : '';
  const matcher = createMatcher(ignoreText);
  const walk = walkContext(root, matcher);
  const ignoreName = ignore.exists ? relOrAbs(root, ignore.path) : '.dockerignore';

  const copies = df ? copyInstructions(df) : [];
  const sentPaths = walk.sent.map((s) => s.path);
  const sizeOf = new Map(walk.sent.map((s) => [s.path, s.size]));
  const taken = new Map<number, string[]>();
  for (const c of copies) {
    if (c.fromStage !== undefined || c.fromImage !== undefined) continue;
    // walk.sent is sorted, so a filter keeps the order without a set and a sort.
    const ms = c.resolvedSources.map(sourceMatcher);
    taken.set(c.instruction.index, c.resolvedSources.includes('.') ? sentPaths : sentPaths.filter((p) => ms.some((m) => m(p))));
  }
  // A build output that a COPY names on purpose (COPY dist/ ...) is not junk.
  const named = copies.flatMap((c) => (c.fromStage === undefined && c.fromImage === undefined ? c.resolvedSources.filter((s) => s !== '.' && !hasWildcards(s)) : []));
  const needed = (p: string): boolean => named.some((n) => n === p || n.startsWith(`${p}/`));

  const secrets = findSecrets(walk.sent);
  const junk = findJunk(walk.sent, needed);
  const findings = [...secrets, ...junk, ...findPatternProblems(matcher, walk, ignoreName), ...walkProblemFindings(walk.problems)];

  const junkOf = junkIndex(junk);
  const copyReports = copies.map((c) => copyReport(c, taken.get(c.instruction.index), sizeOf, secrets, junkOf, root, matcher, df!));
  const stages = df ? stageReach(df, copies, taken, secrets, junkOf) : [];
  const finalIdx = df ? finalStage(df, options.target)?.index : undefined;
  const finalReach = stages.find((s) => s.stageIndex === finalIdx);
  for (const s of stages) s.final = s.stageIndex === finalIdx;

  const recommended = [...new Set([...secrets, ...junk].map((f) => f.fix).filter((f): f is string => f !== undefined))];
  const report: ContextReport = {
    context: root,
    dockerfile: df ? dockerfilePath : null,
    ignoreFile: ignore.exists ? ignore.path : null,
    fileCount: walk.sent.length,
    bytes: walk.sentBytes,
    excluded: { fileCount: walk.excluded.files, bytes: walk.excluded.bytes, prunedFolders: walk.prunedDirs.length },
    largestFiles: topBySize(walk.sent, top).map((s) => ({ path: s.path, bytes: s.size })),
    largestFolders: largestFolders(walk, top),
    saved: [...walk.excludedBy.entries()].map(([path, t]) => ({ path, files: t.files, bytes: t.bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, top),
    findings,
    copies: copyReports,
    stages,
    finalImage: { secrets: finalReach?.secrets.map((s) => s.path) ?? [], junk: finalReach?.junk.map((j) => j.path) ?? [] },
    layerOrder: df ? findLayerOrder(df, copies, taken) : [],
    recommended,
    walk,
    dockerignoreText: ignoreText,
    ignorePath: ignore.path,
  };
  if (df && options.changed) {
    const { inside, outside } = changedInContext(root, options.changed);
    const cache = cacheMap(df, copies, matcher, inside, options.target);
    if (outside.length > 0) cache.notes.push(`outside the build context, so no step can take ${outside.length === 1 ? 'it' : 'them'}: ${outside.join(', ')} (--changed paths are relative to the context)`);
    const changed = new Set(inside.map((p) => posix.normalize(p)));
    const dfRel = relative(root, dockerfilePath);
    if (changed.has(dfRel)) cache.notes.push(`${dfRel} itself changed: every instruction that changed re-runs, and everything after it in its stage`);
    const ignoreRel = relative(root, ignore.path);
    if (changed.has(ignoreRel)) cache.notes.push(`${ignoreRel} changed: what each COPY takes may have changed too (a COPY whose files differ re-runs)`);
    report.cache = cache;
  }
  return report;
}

/**
 * --changed paths as the cache map reads them: relative to the context. An absolute path inside
 * the context is made relative (what a shell's tab completion or `git diff --name-only` in another
 * folder gives); one outside it, or a relative one that climbs out with `..`, changes nothing in the build.
 */
export function changedInContext(root: string, paths: readonly string[]): { inside: string[]; outside: string[] } {
  const roots = [...new Set([root, safeRealpath(root)])];
  const inside: string[] = [];
  const outside: string[] = [];
  for (const p of paths) {
    if (isAbsolute(p)) {
      const rel = roots.map((r) => relative(r, p)).find((r) => r === '' || (!r.startsWith('..') && !isAbsolute(r)));
      if (rel === undefined) outside.push(p);
      else inside.push(rel.split(sep).join('/') || '.');
      continue;
    }
    const norm = posix.normalize(p.split(sep).join('/'));
    if (norm === '..' || norm.startsWith('../')) outside.push(p);
    else inside.push(p);
  }
  return { inside, outside };
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** The n largest entries without sorting all of them (n is small, the list is not). */
function topBySize<T extends { size: number }>(items: readonly T[], n: number): T[] {
  const best: T[] = [];
  for (const it of items) {
    if (best.length === n && it.size <= best[best.length - 1]!.size) continue;
    let i = best.length;
    while (i > 0 && best[i - 1]!.size < it.size) i--;
    best.splice(i, 0, it);
    if (best.length > n) best.pop();
  }
  return best;
}

function relOrAbs(root: string, p: string): string {
  const r = relative(root, p);
  return r.startsWith('..') ? p : r;
}

/** Folders up to two levels down, by bytes sent (deeper ones are inside these). */
function largestFolders(walk: WalkResult, top: number): { path: string; files: number; bytes: number }[] {
  return [...walk.folderTotals.entries()]
    .filter(([, t]) => t.files > 0)
    .map(([path, t]) => ({ path, files: t.files, bytes: t.bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}

function copyReport(
  c: CopyInstruction,
  files: string[] | undefined,
  sizeOf: Map<string, number>,
  secrets: ContextFinding[],
  junkOf: (path: string) => ContextFinding | undefined,
  root: string,
  matcher: ContextMatcher,
  df: Dockerfile,
): CopyReport {
  const fromContext = c.fromStage === undefined && c.fromImage === undefined;
  const list = files ?? [];
  const missing: string[] = [];
  const ignored: string[] = [];
  if (fromContext) {
    c.resolvedSources.forEach((s, i) => {
      const m = sourceMatcher(s);
      if (list.some((p) => m(p))) return;
      if (!hasWildcards(s) && existsSync(join(root, s)) && matcher.ignores(s)) ignored.push(c.sources[i]!);
      else if (s !== '.') missing.push(c.sources[i]!);
    });
  }
  const secretSet = new Set(secrets.map((f) => f.path));
  const junkHit = new Set<string>();
  for (const p of list) {
    const j = junkOf(p);
    if (j) junkHit.add(j.path);
  }
  return {
    line: c.line,
    stage: c.stage,
    keyword: c.keyword,
    sources: c.sources,
    dest: c.dest,
    ...(c.fromStage !== undefined ? { from: stageLabel(df.stages[c.fromStage]!) } : c.fromImage ? { from: c.fromImage } : {}),
    fileCount: list.length,
    bytes: list.reduce((n, p) => n + (sizeOf.get(p) ?? 0), 0),
    missing,
    ignored,
    secrets: list.filter((p) => secretSet.has(p)),
    junk: [...junkHit],
  };
}

/** Which junk finding a sent path belongs to: a folder (`node_modules/`) or a file family (`**\/*.log`). */
function junkIndex(junk: ContextFinding[]): (path: string) => ContextFinding | undefined {
  const tests = junk.map((j) => {
    if (j.path.endsWith('/')) return (p: string) => p.startsWith(j.path);
    if (j.path.startsWith('**/')) {
      const m = sourceMatcher(j.path.slice(3));
      return (p: string) => m(posix.basename(p));
    }
    return (p: string) => p === j.path;
  });
  return (path) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(path)) return junk[i];
    return undefined;
  };
}

interface Taint {
  path: string;
  imagePath: string;
  secret: boolean;
  junkPath?: string;
}

/** Follows secret and junk files from the context through COPY and COPY --from into every stage. */
function stageReach(df: Dockerfile, copies: CopyInstruction[], taken: Map<number, string[]>, secrets: ContextFinding[], junkOf: (path: string) => ContextFinding | undefined): StageReach[] {
  const secretSet = new Set(secrets.map((f) => f.path));
  const taint = new Map<number, Taint[]>();
  const byIndex = new Map(copies.map((c) => [c.instruction.index, c]));
  for (const stage of df.stages) {
    const items: Taint[] = stage.baseStage !== undefined ? [...(taint.get(stage.baseStage) ?? [])] : [];
    let workdir = stage.baseStage !== undefined ? workdirAtEnd(df, stage.baseStage) : '/';
    for (const i of stage.instructions) {
      if (i.keyword === 'WORKDIR') {
        const w = resolveAt(df, i, i.args.trim()).value;
        workdir = w.startsWith('/') ? posix.normalize(w) : posix.join(workdir, w);
        continue;
      }
      const c = byIndex.get(i.index);
      if (!c) continue;
      if (c.fromStage !== undefined) {
        for (const t of taint.get(c.fromStage) ?? []) {
          const inStage = t.imagePath.replace(/^\/+/, '');
          for (const s of c.resolvedSources) {
            if (sourceMatcher(s)(inStage)) {
              items.push({ ...t, imagePath: destinationOf(c, s, inStage, workdir) });
              break;
            }
          }
        }
        continue;
      }
      if (c.fromImage !== undefined) continue;
      for (const p of taken.get(i.index) ?? []) {
        const isSecret = secretSet.has(p);
        const j = junkOf(p);
        if (!isSecret && !j) continue;
        const source = c.resolvedSources.find((s) => sourceMatcher(s)(p)) ?? '.';
        items.push({ path: p, imagePath: destinationOf(c, source, p, workdir), secret: isSecret, junkPath: j?.path });
      }
    }
    taint.set(stage.index, items);
  }
  return df.stages.map((s) => {
    const items = taint.get(s.index) ?? [];
    const junkCounts = new Map<string, number>();
    for (const t of items) if (t.junkPath) junkCounts.set(t.junkPath, (junkCounts.get(t.junkPath) ?? 0) + 1);
    const seen = new Set<string>();
    return {
      stage: stageLabel(s),
      stageIndex: s.index,
      final: false,
      secrets: items.filter((t) => t.secret && !seen.has(t.imagePath) && seen.add(t.imagePath)).map((t) => ({ path: t.path, imagePath: t.imagePath })),
      junk: [...junkCounts.entries()].map(([path, files]) => ({ path, files })),
    };
  });
}

function workdirAtEnd(df: Dockerfile, stageIndex: number): string {
  const stage = df.stages[stageIndex]!;
  let w = stage.baseStage !== undefined ? workdirAtEnd(df, stage.baseStage) : '/';
  for (const i of stage.instructions) {
    if (i.keyword !== 'WORKDIR') continue;
    const v = resolveAt(df, i, i.args.trim()).value;
    w = v.startsWith('/') ? posix.normalize(v) : posix.join(w, v);
  }
  return w;
}

/** The .dockerignore text `--fix` writes: the user's lines and order kept, the recommendations added. */
export function fixedDockerignore(report: ContextReport): string {
  const keep = report.copies.flatMap((c) => (c.from === undefined ? c.sources.filter((s) => !hasWildcards(s)) : []));
  return renderDockerignore({ entries: report.recommended, keep, existing: report.dockerignoreText });
}


