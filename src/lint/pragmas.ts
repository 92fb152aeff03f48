import type { Dockerfile } from '../dockerfile/index.js';
import type { Finding } from './finding.js';
import type { AnyRule } from './rule.js';

/**
 * Suppressions, ours and the peers' (so that a migrating user loses none):
 *   # stagecraft-ignore id[,id] -- reason        the instruction below (comment lines directly above it)
 *   # stagecraft-ignore-stage id[,id] -- reason  the stage the next instruction belongs to
 *   # stagecraft-ignore-file id[,id] -- reason   the whole file
 *   # hadolint ignore=DL3008,SC2086              the instruction below
 *   # hadolint stage ignore=...                  the stage
 *   # hadolint global ignore=...                 the whole file
 *   # check=skip=A,B (or skip=all)               BuildKit's directive: the whole file
 * IDs are stagecraft rule ids or any alias; `all` / `*` mean every rule.
 */
export interface Pragmas {
  file: Set<string>;
  /** stage index -> rule ids */
  stage: Map<number, Set<string>>;
  /** instruction index -> rule ids */
  instruction: Map<number, Set<string>>;
  /** Each comment that named ids, to tell which ones suppressed nothing (`ignore-unused`). */
  origins: PragmaOrigin[];
}

export interface PragmaOrigin {
  line: number;
  kind: 'file' | 'stage' | 'instruction';
  /** Instruction or stage index. */
  key?: number;
  /** The ids as written, each with the rules it stands for. */
  tokens: { token: string; ids: string[] }[];
  /** Rule ids a finding was suppressed for through this comment. */
  used: Set<string>;
}

const ALL = '*';

export function readPragmas(df: Dockerfile, rules: readonly AnyRule[]): Pragmas {
  const p: Pragmas = { file: new Set(), stage: new Map(), instruction: new Map(), origins: [] };
  // Most files have no suppression at all: skip the line scan.
  if (!df.directives.check && !/stagecraft-ignore|hadolint/i.test(df.text)) return p;
  const byAlias = aliasIndex(rules);
  let tokens: PragmaOrigin['tokens'] = [];
  const resolve = (list: string): Set<string> => {
    const out = new Set<string>();
    tokens = [];
    for (const raw of list.split(/[,\s]+/)) {
      const token = raw.trim().toLowerCase();
      if (token === '') continue;
      if (token === 'all' || token === '*') out.add(ALL);
      const ids = byAlias.get(token) ?? [];
      for (const id of ids) out.add(id);
      if (ids.length > 0) tokens.push({ token: raw.trim(), ids });
    }
    return out;
  };
  if (df.directives.check) {
    for (const part of df.directives.check.split(';')) {
      const m = /^\s*skip\s*=\s*(.*)$/i.exec(part);
      if (!m) continue;
      const list = m[1]!.trim();
      // skip=all turns off BuildKit's checks: here, the rules that have a BuildKit alias.
      if (list.toLowerCase() === 'all') for (const r of rules) if (r.aliases.some(isBuildKitName)) p.file.add(r.id);
      for (const id of resolve(list)) if (id !== ALL) p.file.add(id);
    }
  }

  // Comments that belong to an instruction: the block directly above it.
  const lineToInstruction = new Map<number, number>();
  for (const i of df.instructions) for (const c of i.leadingComments) lineToInstruction.set(c.line, i.index);
  const nextInstructionAfter = (line: number): number | undefined => df.instructions.find((i) => i.line > line)?.index;

  df.lines.forEach((text, idx) => {
    const line = idx + 1;
    const t = text.trim();
    if (!t.startsWith('#')) return;
    const body = t.replace(/^#+\s*/, '');
    let m: RegExpExecArray | null;
    // `stagecraft-ignore ids -- why`; `:` or `=` after the keyword is accepted (the peers' habits).
    if ((m = /^stagecraft-ignore(?:-(file|stage))?(?=$|[\s:=])\s*[:=]?\s*(.*)$/i.exec(body))) {
      const kind = m[1]?.toLowerCase();
      // No ids before the `--` (or none at all) means every rule: `# stagecraft-ignore -- generated`.
      const list = m[2]!.replace(/(^|\s)--(\s.*|$)/, '').trim();
      const ids = list !== '' ? resolve(list) : new Set([ALL]);
      add(p, kind === 'file' ? 'file' : kind === 'stage' ? 'stage' : 'instruction', ids, line);
    } else if ((m = /^hadolint\s+(global\s+|stage\s+)?ignore\s*=\s*(.*)$/i.exec(body))) {
      const kind = m[1]?.trim().toLowerCase();
      add(p, kind === 'global' ? 'file' : kind === 'stage' ? 'stage' : 'instruction', resolve(m[2]!), line);
    }
  });

  function add(target: Pragmas, kind: 'file' | 'stage' | 'instruction', ids: Set<string>, line: number): void {
    if (kind === 'file') {
      for (const id of ids) target.file.add(id);
      target.origins.push({ line, kind, tokens, used: new Set() });
      return;
    }
    // A blank line between the comment and its instruction still means that instruction (a user who
    // leaves one expects the comment to apply); a comment inside a continued instruction means nothing.
    const inside = df.instructions.some((i) => i.line < line && line <= i.endLine);
    const next = inside ? undefined : kind === 'instruction' ? (lineToInstruction.get(line) ?? nextInstructionAfter(line)) : nextInstructionAfter(line);
    if (next === undefined) return;
    if (kind === 'instruction') {
      merge(target.instruction, next, ids);
      target.origins.push({ line, kind, key: next, tokens, used: new Set() });
    } else {
      const stageIndex = df.instructions[next]!.stageIndex;
      merge(target.stage, stageIndex, ids);
      target.origins.push({ line, kind, key: stageIndex, tokens, used: new Set() });
    }
  }
  return p;
}

function merge(map: Map<number, Set<string>>, key: number, ids: Set<string>): void {
  const s = map.get(key) ?? new Set<string>();
  for (const id of ids) s.add(id);
  map.set(key, s);
}

export function applyPragmas(findings: Finding[], p: Pragmas, df: Dockerfile): Finding[] {
  if (p.file.size === 0 && p.stage.size === 0 && p.instruction.size === 0) return findings;
  const has = (s: Set<string> | undefined, id: string): boolean => s !== undefined && (s.has(id) || s.has(ALL));
  // Origins by kind and key: a file with thousands of suppressions stays linear.
  const byPlace = new Map<string, PragmaOrigin[]>();
  for (const o of p.origins) {
    const k = `${o.kind}:${o.key ?? ''}`;
    const list = byPlace.get(k) ?? [];
    list.push(o);
    byPlace.set(k, list);
  }
  const markUsed = (kind: PragmaOrigin['kind'], key: number | undefined, id: string): void => {
    for (const o of byPlace.get(`${kind}:${key ?? ''}`) ?? []) if (o.tokens.some((t) => t.ids.includes(id))) o.used.add(id);
  };
  return findings.filter((f) => {
    if (has(p.file, f.ruleId)) return (markUsed('file', undefined, f.ruleId), false);
    const instruction = df.instructions.find((i) => f.line >= i.line && f.line <= i.endLine);
    if (!instruction) return true;
    if (has(p.instruction.get(instruction.index), f.ruleId)) return (markUsed('instruction', instruction.index, f.ruleId), false);
    if (has(p.stage.get(instruction.stageIndex), f.ruleId)) return (markUsed('stage', instruction.stageIndex, f.ruleId), false);
    return true;
  });
}

/**
 * Ids named in a suppression that suppressed no finding, among the rules that ran (a suppression
 * for a rule outside the preset is not "unused": a stricter run needs it). Call after applyPragmas.
 */
export function unusedPragmas(p: Pragmas, ran: ReadonlySet<string>): { line: number; token: string }[] {
  const out: { line: number; token: string }[] = [];
  for (const o of p.origins) {
    for (const t of o.tokens) {
      const running = t.ids.filter((id) => ran.has(id));
      if (running.length > 0 && !running.some((id) => o.used.has(id))) out.push({ line: o.line, token: t.token });
    }
  }
  return out;
}

/** lower-cased id or alias -> rule ids. `AVD-DS-0001` and `DS-0001` (and Trivy's old `DS001`) all work. */
const aliasCache = new WeakMap<readonly AnyRule[], Map<string, string[]>>();

export function aliasIndex(rules: readonly AnyRule[]): Map<string, string[]> {
  const cached = aliasCache.get(rules);
  if (cached) return cached;
  const map = new Map<string, string[]>();
  aliasCache.set(rules, map);
  const put = (k: string, id: string): void => {
    const key = k.toLowerCase();
    const list = map.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    map.set(key, list);
  };
  for (const r of rules) {
    put(r.id, r.id);
    for (const a of r.aliases) {
      put(a, r.id);
      const ds = /^(?:AVD-)?DS-?0*(\d+)$/i.exec(a);
      if (ds) {
        const n = ds[1]!.padStart(4, '0');
        put(`DS-${n}`, r.id);
        put(`AVD-DS-${n}`, r.id);
        put(`DS${n.slice(1)}`, r.id);
      }
    }
  }
  return map;
}

/** BuildKit check names are CamelCase words (hadolint, Trivy and Checkov IDs carry digits). */
export function isBuildKitName(alias: string): boolean {
  return /^[A-Z][A-Za-z]+$/.test(alias);
}

/** IDs a peer's comment may name that stagecraft has no rule for, on purpose (README: "not carried over"). */
const KNOWN_ELSEWHERE = /^(sc\d{4}|dl1001|dl305[0-6]|dl3049|dl3058|invalidbaseimageplatform|all|\*)$/i;

export interface PragmaId {
  token: string;
  line: number;
  column: number;
}

/**
 * The ids named in suppression comments that match no rule or alias: a typo there suppresses
 * nothing, silently. ShellCheck codes and the hadolint rules not carried over are accepted.
 */
export function unknownPragmaIds(df: Dockerfile, rules: readonly AnyRule[]): PragmaId[] {
  if (!/stagecraft-ignore|hadolint|check\s*=/i.test(df.text)) return [];
  const byAlias = aliasIndex(rules);
  const out: PragmaId[] = [];
  // Parser directives are the `# key=value` lines at the very top; a later `# check=` is a comment.
  const inDirectives = (idx: number): boolean => df.lines.slice(0, idx + 1).every((l) => /^\s*#\s*[a-z]+\s*=/i.test(l.replace(/^\uFEFF/, '')));
  df.lines.forEach((text, idx) => {
    let m: RegExpExecArray | null;
    let list: string | undefined;
    let offset = 0;
    if ((m = /^(\s*#+\s*stagecraft-ignore(?:-file|-stage)?(?=$|[\s:=])\s*[:=]?\s*)(.*)$/i.exec(text))) {
      list = m[2]!.replace(/(^|\s)--(\s.*|$)/, '');
      offset = m[1]!.length;
    } else if ((m = /^(\s*#+\s*hadolint\s+(?:global\s+|stage\s+)?ignore\s*=\s*)(.*)$/i.exec(text))) {
      // A reason after ` -- ` (our habit, carried over) is not a list of ids.
      list = m[2]!.replace(/(^|\s)--(\s.*|$)/, '');
      offset = m[1]!.length;
    } else if (df.directives.check !== undefined && inDirectives(idx) && (m = /^(\s*#\s*check\s*=\s*(?:[^;]*;)*?\s*skip\s*=\s*)([^;]*)/i.exec(text))) {
      list = m[2]!;
      offset = m[1]!.length;
    }
    if (list === undefined) return;
    const re = /[^,\s]+/g;
    let t: RegExpExecArray | null;
    while ((t = re.exec(list))) {
      const token = t[0];
      if (KNOWN_ELSEWHERE.test(token) || byAlias.has(token.toLowerCase())) continue;
      out.push({ token, line: idx + 1, column: offset + t.index + 1 });
    }
  });
  return out;
}
