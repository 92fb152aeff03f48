/** What stagecraft needs from a go.mod: the module path, versions, requirements and replacements. */
export interface GoMod {
  module: string;
  /** The `go` directive (`1.23` or `1.23.4`), when present. */
  go?: string;
  /** The `toolchain` directive without its `go` prefix (`1.23.4`), when present. */
  toolchain?: string;
  /** Required module paths (direct and indirect). */
  requires: string[];
  /** Replacements whose target is a local folder (`=> ../lib`): the build context must hold it. */
  localReplaces: { module: string; path: string }[];
}

/** Parses go.mod text: directives, single-line and block forms, `//` comments. */
export function parseGoMod(text: string): GoMod {
  const mod: GoMod = { module: '', requires: [], localReplaces: [] };
  let block: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (block) {
      if (line === ')') {
        block = undefined;
        continue;
      }
      entry(mod, block, line);
      continue;
    }
    const open = /^(\w+)\s*\($/.exec(line);
    if (open) {
      block = open[1];
      continue;
    }
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (m) entry(mod, m[1]!, m[2]!);
  }
  return mod;
}

function entry(mod: GoMod, directive: string, rest: string): void {
  const words = rest.split(/\s+/).map(unquote);
  switch (directive) {
    case 'module':
      mod.module = words[0] ?? '';
      break;
    case 'go':
      mod.go = words[0];
      break;
    case 'toolchain':
      mod.toolchain = words[0]?.replace(/^go/, '');
      break;
    case 'require':
      if (words[0]) mod.requires.push(words[0]);
      break;
    case 'replace': {
      const arrow = words.indexOf('=>');
      const target = arrow >= 0 ? words[arrow + 1] : undefined;
      if (target && /^\.{1,2}(\/|$)|^\//.test(target)) mod.localReplaces.push({ module: words[0]!, path: target });
      break;
    }
  }
}

function unquote(w: string): string {
  return /^["`].*["`]$/.test(w) ? w.slice(1, -1) : w;
}

/** `1.23.4` -> [1, 23, 4]; undefined when it is not a Go version. */
export function parseGoVersion(v: string): [number, number, number] | undefined {
  const m = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:rc\d+|beta\d+)?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

export function compareGoVersions(a: string, b: string): number {
  const x = parseGoVersion(a) ?? [0, 0, 0];
  const y = parseGoVersion(b) ?? [0, 0, 0];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** `1.23.4` -> `1.23`. */
export function goMinor(v: string): string {
  const p = parseGoVersion(v);
  return p ? `${p[0]}.${p[1]}` : v;
}

/** The directives the go command knows; any other word is its "unknown directive" error. */
const GO_DIRECTIVES = new Set(['module', 'go', 'toolchain', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']);
/** modfile's GoVersionRE: `1.23`, `1.23.4`, `1.23rc1` (a bare `1` is refused). */
const GO_DIRECTIVE_VERSION = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;

/**
 * The first error the go command would report reading this go.mod (the build in the image would
 * stop there), with its 1-based line; undefined when it reads. Only what init can check without
 * the module graph: unknown directives, an unclosed block, no module path, a malformed go version.
 */
export function goModError(text: string): { line: number; message: string } | undefined {
  let block: { name: string; line: number } | undefined;
  let module = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\/\/.*$/, '').trim();
    const n = i + 1;
    if (line === '') continue;
    if (block) {
      if (line === ')') block = undefined;
      else if (block.name === 'module') module = true;
      continue;
    }
    const m = /^([A-Za-z_]\w*)(?:\s+(.*)|\s*(\())?$/.exec(line);
    if (!m) return { line: n, message: `unexpected "${line.slice(0, 40)}"` };
    const [, directive, rest, open] = m;
    if (!GO_DIRECTIVES.has(directive!)) return { line: n, message: `unknown directive: ${directive}` };
    if (open || rest === '(') {
      block = { name: directive!, line: n };
      continue;
    }
    const words = (rest ?? '').split(/\s+/).filter(Boolean).map(unquote);
    if (words.length === 0) return { line: n, message: `${directive} directive without a value` };
    if (directive === 'module') module = true;
    if (directive === 'go' && !GO_DIRECTIVE_VERSION.test(words[0]!)) {
      return { line: n, message: `invalid go version '${words[0]}': must match format 1.23.0` };
    }
  }
  if (block) return { line: block.line, message: `${block.name} ( block is never closed` };
  if (!module) return { line: 1, message: 'no module directive (a go.mod starts with `module <path>`)' };
  return undefined;
}
