import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, posix, resolve, sep } from 'node:path';
import type { ContextMatcher, MatchState } from './matcher.js';
import { ExcludedTreeMeter, measureTree } from './measure.js';

/** A path the build sends, relative to the context with `/` separators. */
export interface SentEntry {
  path: string;
  /** Bytes (a symbolic link counts its target string, as the tar stream does). */
  size: number;
  kind: 'file' | 'symlink';
  /** Filesystem path to read it by (a Buffer when the name is not valid UTF-8). */
  abs: string | Buffer;
}

export type WalkProblemKind = 'link-outside' | 'link-loop' | 'link-broken' | 'unreadable' | 'special' | 'non-utf8-name';

export interface WalkProblem {
  kind: WalkProblemKind;
  path: string;
  message: string;
}

export interface ExcludedTotals {
  files: number;
  bytes: number;
}

export interface WalkResult {
  root: string;
  sent: SentEntry[];
  sentBytes: number;
  /** Folders BuildKit does not enter (excluded and no exception can match inside). */
  prunedDirs: string[];
  /** Everything the patterns kept out, pruned folders included. */
  excluded: ExcludedTotals;
  /** Per top-level excluded root (a pruned folder or an excluded file's top folder): what it held. */
  excludedBy: Map<string, ExcludedTotals>;
  /** Files and bytes sent under each folder one and two levels down (`a/`, `a/b/`). */
  folderTotals: Map<string, ExcludedTotals>;
  /** Per .dockerignore pattern: whether it matched any path seen (for "patterns that match nothing"). */
  patternUsed: boolean[];
  /** Names seen below the top level (walked, not pruned): tells whether `**\/name` would have matched. */
  deepNames: Set<string>;
  problems: WalkProblem[];
}

export interface WalkOptions {
  /** Count what pruned folders hold (for "what the .dockerignore saved"). Default true. */
  measureExcluded?: boolean;
  /** Count them on a worker thread, alongside the walk. Default true. */
  measureInWorker?: boolean;
}

const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
const gids = new Set(typeof process.getgroups === 'function' ? process.getgroups() : []);

/** Readability from the mode bits we already have: no extra syscall per file. */
function readable(st: Stats): boolean {
  if (uid === 0) return true;
  if (st.uid === uid) return (st.mode & 0o400) !== 0;
  if (gids.has(st.gid)) return (st.mode & 0o040) !== 0;
  return (st.mode & 0o004) !== 0;
}

/** Shows a raw name with its non-UTF-8 bytes as \xNN, so a report can print it. */
export function displayName(raw: Buffer): string {
  let out = '';
  let i = 0;
  const text = raw.toString('latin1');
  while (i < raw.length) {
    // Find the longest valid UTF-8 sequence from here.
    const b = raw[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    const chunk = len > 0 ? raw.subarray(i, i + len) : undefined;
    if (chunk && chunk.length === len && Buffer.from(chunk.toString('utf8'), 'utf8').equals(chunk) && !chunk.toString('utf8').includes('\uFFFD')) {
      out += chunk.toString('utf8');
      i += len;
    } else {
      out += `\\x${text.charCodeAt(i).toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

const joinAbs = (dir: string | Buffer, name: string | Buffer): string | Buffer =>
  typeof dir === 'string' && typeof name === 'string' ? `${dir}${sep}${name}` : Buffer.concat([Buffer.from(dir), Buffer.from(sep), Buffer.from(name)]);

interface DirEntryLike {
  name: string;
  raw: string | Buffer;
  isDirectory: boolean;
  isFile: boolean;
  isSymlink: boolean;
}

function listDir(abs: string | Buffer): DirEntryLike[] {
  const entries = readdirSync(abs as string, { withFileTypes: true }) as Dirent[];
  if (typeof abs === 'string' && !entries.some((e) => e.name.includes('\uFFFD'))) {
    return entries.map((e) => ({ name: e.name, raw: e.name, isDirectory: e.isDirectory(), isFile: e.isFile(), isSymlink: e.isSymbolicLink() }));
  }
  // Some name is not valid UTF-8 (or the folder itself was not): read raw bytes so fs calls still work.
  const raw = readdirSync(abs as string, { withFileTypes: true, encoding: 'buffer' }) as unknown as Dirent<Buffer>[];
  return raw.map((e) => {
    const bytes = e.name as unknown as Buffer;
    const asText = bytes.toString('utf8');
    const valid = Buffer.from(asText, 'utf8').equals(bytes);
    return {
      name: valid ? asText : displayName(bytes),
      raw: valid && typeof abs === 'string' ? asText : bytes,
      isDirectory: e.isDirectory(),
      isFile: e.isFile(),
      isSymlink: e.isSymbolicLink(),
    };
  });
}

/**
 * Walks a build context the way BuildKit filters it: every path is checked against the
 * .dockerignore matcher; an excluded folder is skipped only when `canPruneDir` says no exception
 * can match inside (its contents are still counted, unfiltered, so the report can say what the
 * .dockerignore saved). Links are never followed: they are sent as links, and those pointing
 * outside the context or into a loop are reported. Unreadable folders and files are reported
 * and the walk goes on.
 */
export function walkContext(rootDir: string, matcher: ContextMatcher, options: WalkOptions = {}): WalkResult {
  const root = resolve(rootDir);
  const realRoot = safeRealpath(root) ?? root;
  const measure = options.measureExcluded !== false;
  const result: WalkResult = {
    root,
    sent: [],
    sentBytes: 0,
    prunedDirs: [],
    excluded: { files: 0, bytes: 0 },
    excludedBy: new Map(),
    patternUsed: matcher.patterns.map(() => false),
    folderTotals: new Map(),
    deepNames: new Set(),
    problems: [],
  };
  const addExcluded = (rel: string, files: number, bytes: number, isDir = false): void => {
    result.excluded.files += files;
    result.excluded.bytes += bytes;
    // A pruned folder stands for itself; loose excluded files are grouped by their top folder.
    const key = isDir ? `${rel}/` : rel.includes('/') ? `${rel.split('/')[0]!}/` : rel;
    const t = result.excludedBy.get(key) ?? { files: 0, bytes: 0 };
    t.files += files;
    t.bytes += bytes;
    result.excludedBy.set(key, t);
  };

  // Explicit stack: deep trees must not overflow the call stack.
  const meter = new ExcludedTreeMeter(options.measureInWorker !== false);
  const pending: Array<{ id: number; abs: string | Buffer; rel: string }> = [];
  const used = new Uint8Array(matcher.patterns.length);
  const judge = (rel: string, parent: MatchState | undefined): MatchState => {
    const st = matcher.evaluate(rel, parent);
    for (let i = 0; i < st.matched.length; i++) used[i]! |= st.matched[i]!;
    return st;
  };
  const stack: Array<{ abs: string | Buffer; rel: string; state: MatchState | undefined }> = [{ abs: root, rel: '', state: undefined }];
  const totalsFor = (key: string): ExcludedTotals => {
    let t = result.folderTotals.get(key);
    if (!t) result.folderTotals.set(key, (t = { files: 0, bytes: 0 }));
    return t;
  };
  while (stack.length > 0) {
    const { abs, rel, state } = stack.pop()!;
    // The folder's totals at depth 1 and 2, looked up once per folder rather than once per file.
    const segs = rel === '' ? [] : rel.split('/');
    const folderSums = [segs.length >= 1 ? totalsFor(`${segs[0]}/`) : undefined, segs.length >= 2 ? totalsFor(`${segs[0]}/${segs[1]}/`) : undefined].filter(
      (t): t is ExcludedTotals => t !== undefined,
    );
    const countSent = (size: number): void => {
      result.sentBytes += size;
      for (const t of folderSums) {
        t.files++;
        t.bytes += size;
      }
    };
    let entries: DirEntryLike[];
    try {
      entries = listDir(abs);
    } catch (err) {
      result.problems.push({ kind: 'unreadable', path: rel === '' ? '.' : `${rel}/`, message: `cannot read the folder (${(err as NodeJS.ErrnoException).code ?? 'error'}): not walked` });
      continue;
    }
    for (const e of entries) {
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      const childAbs = joinAbs(abs, e.raw);
      if (rel !== '') result.deepNames.add(e.name);
      if (typeof e.raw !== 'string') {
        result.problems.push({ kind: 'non-utf8-name', path: childRel, message: 'the name is not valid UTF-8 (shown with \\x escapes); patterns were matched against that form' });
      }
      if (e.isDirectory) {
        const childState = judge(childRel, state);
        if (childState.excluded) {
          if (matcher.canPruneDir(childRel)) {
            result.prunedDirs.push(childRel);
            if (measure) pending.push({ id: meter.add(childAbs), abs: childAbs, rel: childRel });
            continue;
          }
        }
        stack.push({ abs: childAbs, rel: childRel, state: childState });
        continue;
      }
      let st: Stats;
      try {
        st = lstatSync(childAbs as string);
      } catch (err) {
        result.problems.push({ kind: 'unreadable', path: childRel, message: `cannot stat (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
        continue;
      }
      if (matcher.excludedUnder(childRel, state, used)) {
        addExcluded(childRel, 1, st.size);
        continue;
      }
      if (e.isSymlink || st.isSymbolicLink()) {
        checkLink(childAbs, childRel, realRoot, result.problems);
        result.sent.push({ path: childRel, size: st.size, kind: 'symlink', abs: childAbs });
        countSent(st.size);
      } else if (st.isFile()) {
        if (!readable(st)) {
          result.problems.push({ kind: 'unreadable', path: childRel, message: 'not readable by this user: the build would fail to send it' });
        }
        result.sent.push({ path: childRel, size: st.size, kind: 'file', abs: childAbs });
        countSent(st.size);
      } else {
        result.problems.push({ kind: 'special', path: childRel, message: 'a socket, pipe or device: not a file the build can use' });
      }
    }
  }
  const measured = meter.finish();
  for (const p of pending) {
    const t = measured.get(p.id) ?? measureTree(p.abs);
    addExcluded(p.rel, t.files, t.bytes, true);
  }
  result.patternUsed = [...used].map((u) => u === 1);
  result.sent.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}

function safeRealpath(p: string | Buffer): string | undefined {
  try {
    return realpathSync(p as string);
  } catch {
    return undefined;
  }
}

/** Reports links that leave the context or never resolve (loops, dangling): sent as links, not followed. */
function checkLink(abs: string | Buffer, rel: string, realRoot: string, problems: WalkProblem[]): void {
  let target: string;
  try {
    target = readlinkSync(abs as string);
  } catch {
    return;
  }
  const lexical = isAbsolute(target) ? target : posix.normalize(posix.join(posix.dirname(rel), target));
  try {
    statSync(abs as string);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') {
      problems.push({ kind: 'link-loop', path: rel, message: `symbolic link loop (-> ${target}): sent as a link, not followed` });
      return;
    }
    if (!isAbsolute(target) && !lexical.startsWith('..')) {
      problems.push({ kind: 'link-broken', path: rel, message: `dangling symbolic link (-> ${target})` });
      return;
    }
  }
  const real = safeRealpath(abs);
  const outside = isAbsolute(target) || lexical.startsWith('..') || (real !== undefined && real !== realRoot && !real.startsWith(realRoot + sep));
  if (outside) {
    problems.push({ kind: 'link-outside', path: rel, message: `points outside the context (-> ${target}): sent as a link, not followed; COPY gets the link, not the file` });
  }
}
