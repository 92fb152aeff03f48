import { closeSync, openSync, readSync } from 'node:fs';
import { posix } from 'node:path';
import { hasWildcards, type ContextMatcher } from './matcher.js';
import { sourceMatcher } from './copies.js';
import type { SentEntry, WalkProblem, WalkResult } from './walk.js';

export type FindingKind = 'secret' | 'junk' | 'pattern' | 'walk';

/** Something the report tells the user: data, formatted at the edge. */
export interface ContextFinding {
  kind: FindingKind;
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** Context-relative path (a folder ends with `/`), or the pattern for pattern findings. */
  path: string;
  message: string;
  files: number;
  bytes: number;
  /** The .dockerignore line that would keep it out. */
  fix?: string;
  /** .dockerignore line, for pattern findings. */
  line?: number;
}

/** The most a sniff reads from any file: a multi-GB file is never read whole. */
export const SNIFF_BYTES = 4096;
const TEXT_SNIFF_BYTES = 64 * 1024;

export function readHead(abs: string | Buffer, max: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(abs as string, 'r');
    const buf = Buffer.alloc(max);
    const n = readSync(fd, buf, 0, max, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const PRIVATE_KEY = /-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----|PuTTY-User-Key-File-/;
const ENV_FILE = /^\.env(\..+)?$|\.env$/;
const ENV_EXAMPLE = /\.(example|sample|template|dist|defaults?|schema)$|^\.env\.(example|sample|template)/;
const KEY_NAME = /^id_(rsa|dsa|ecdsa|ed25519)$|\.(key|pem|ppk|p8|p12|pfx|jks|keystore|asc|gpg)$/i;
const SNIFF_NAME = /key|rsa|secret|private|cert|credential/i;
const CLOUD_FILES: Array<[RegExp, string]> = [
  [/(^|\/)\.aws\/(credentials|config)$/, 'AWS credentials'],
  [/(^|\/)application_default_credentials\.json$/, 'Google Cloud credentials'],
  [/(^|\/)\.config\/gcloud\//, 'Google Cloud SDK configuration'],
  [/(^|\/)\.azure\//, 'Azure CLI credentials'],
  [/(^|\/)\.kube\/config$/, 'a Kubernetes config (cluster credentials)'],
  [/(^|\/)\.docker\/config\.json$/, 'Docker registry credentials'],
  [/(^|\/)\.terraform\.d\/credentials\.tfrc\.json$/, 'Terraform Cloud credentials'],
  [/\.tfstate(\.backup)?$/, 'Terraform state (holds resource secrets)'],
  [/(^|\/)\.(netrc|git-credentials)$/, 'stored login credentials'],
  [/(^|\/)\.htpasswd$/, 'password hashes'],
];

/** Finds secrets among the files the build sends: by name, and by a look at the first bytes. */
export function findSecrets(sent: readonly SentEntry[]): ContextFinding[] {
  const out: ContextFinding[] = [];
  const add = (e: SentEntry, code: string, message: string, severity: ContextFinding['severity'] = 'error'): void => {
    out.push({ kind: 'secret', code, severity, path: e.path, message, files: 1, bytes: e.size, fix: fixFor(e.path) });
  };
  for (const e of sent) {
    if (e.kind !== 'file') continue;
    const name = posix.basename(e.path);
    if (ENV_FILE.test(name) && !ENV_EXAMPLE.test(name)) {
      add(e, 'secret-env', 'an environment file (usually holds API keys and passwords)');
      continue;
    }
    if (name === '.npmrc') {
      // `_authToken=${NPM_TOKEN}` reads the token from the environment: that file holds no secret.
      if (/(_authToken|_auth|_password)\s*=\s*(?!\$\{?[A-Za-z_])\S/i.test(readHead(e.abs, TEXT_SNIFF_BYTES))) add(e, 'secret-npmrc', '.npmrc with a registry token (use a build secret: RUN --mount=type=secret,id=npmrc)');
      continue;
    }
    if (name === '.pypirc') {
      if (/^\s*password\s*[:=]\s*(?!\$\{?[A-Za-z_])\S/im.test(readHead(e.abs, TEXT_SNIFF_BYTES))) add(e, 'secret-pypirc', '.pypirc with a password or token');
      continue;
    }
    const cloud = CLOUD_FILES.find(([re]) => re.test(e.path));
    if (cloud) {
      add(e, 'secret-cloud', cloud[1]);
      continue;
    }
    if (/\.json$/i.test(name) && /service[-_]?account|credential|gcp|firebase|key/i.test(name)) {
      if (/"type"\s*:\s*"service_account"|"private_key"\s*:/.test(readHead(e.abs, TEXT_SNIFF_BYTES))) {
        add(e, 'secret-cloud', 'a cloud service-account key');
        continue;
      }
    }
    if (KEY_NAME.test(name) || SNIFF_NAME.test(name) || (!name.includes('.') && e.size > 0 && e.size < 16 * 1024)) {
      const head = readHead(e.abs, SNIFF_BYTES);
      if (PRIVATE_KEY.test(head)) {
        add(e, 'secret-private-key', 'a private key');
        continue;
      }
      if (/\.pem$/i.test(name)) {
        add(e, 'secret-pem', 'a PEM file (a certificate is public; a key is not): check before shipping it', 'warning');
        continue;
      }
      if (/\.(p12|pfx|jks|keystore|ppk)$/i.test(name)) add(e, 'secret-keystore', 'a key store');
    }
  }
  return out;
}

/** The .dockerignore line that keeps one path out at any depth where that is what it is. */
function fixFor(path: string): string {
  const name = posix.basename(path);
  if (/^\.env/.test(name)) return name === '.env' ? '**/.env' : '**/.env.*';
  if (/\.pem$/i.test(name)) return '**/*.pem';
  if (/\.key$/i.test(name)) return '**/*.key';
  return path;
}

interface JunkRule {
  code: string;
  message: string;
  /** A folder name that is junk wherever it is, or a file test. */
  dir?: RegExp;
  file?: RegExp;
  /** Only at the top of the context (build outputs). */
  topOnly?: boolean;
  fix: (root: string) => string;
}

const JUNK: JunkRule[] = [
  { code: 'junk-git', message: 'git history and objects', dir: /^\.(git|hg|svn)$/, fix: (r) => (r.includes('/') ? `**/${posix.basename(r)}` : r) },
  { code: 'junk-node-modules', message: 'installed packages (the image installs its own)', dir: /^node_modules$/, fix: () => '**/node_modules' },
  { code: 'junk-venv', message: 'a Python virtual environment', dir: /^\.?venv$/, fix: (r) => (r.includes('/') ? `**/${posix.basename(r)}` : r) },
  {
    code: 'junk-cache',
    message: 'a tool cache',
    dir: /^(__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox|\.cache|\.parcel-cache|\.turbo|\.gradle|\.eslintcache|\.sass-cache|\.npm|\.yarn-cache|\.pnpm-store)$/,
    fix: (r) => `**/${posix.basename(r)}`,
  },
  { code: 'junk-log', message: 'log files', file: /\.log$|^npm-debug\.log|^yarn-(debug|error)\.log/, fix: () => '**/*.log' },
  { code: 'junk-cache', message: 'compiled Python files', file: /\.py[co]$/, fix: () => '**/*.pyc' },
  { code: 'junk-editor', message: 'editor and OS files', file: /^(\.DS_Store|Thumbs\.db)$|\.sw[po]$/, dir: /^(\.idea|\.vscode)$/, fix: (r) => (r.endsWith('/') || !r.includes('.') ? r : `**/${posix.basename(r)}`) },
  {
    code: 'junk-build-output',
    message: 'build output (the image builds its own)',
    dir: /^(dist|build|\.next|out|target|coverage|\.nyc_output|\.svelte-kit|\.nuxt|\.output|\.parcel-dist)$/,
    topOnly: true,
    fix: (r) => r,
  },
];

/**
 * Groups junk among the sent files by the folder (or file family) it belongs to: one finding for
 * `node_modules/` with its file count and bytes, not one per file. `needed` are paths a COPY names
 * explicitly: a build output the Dockerfile copies on purpose is not junk.
 */
export function findJunk(sent: readonly SentEntry[], needed: (path: string) => boolean = () => false): ContextFinding[] {
  const groups = new Map<string, ContextFinding>();
  const venvRoots = new Set(sent.filter((e) => e.path.endsWith('/pyvenv.cfg')).map((e) => posix.dirname(e.path)));
  // Folder names are tested once each, not once per file under them.
  const dirRule = new Map<string, JunkRule | null>();
  const ruleForDir = (name: string, top: boolean): JunkRule | undefined => {
    const key = `${top ? '1' : '0'}${name}`;
    let r = dirRule.get(key);
    if (r === undefined) {
      r = JUNK.find((j) => j.dir?.test(name) && (!j.topOnly || top)) ?? null;
      dirRule.set(key, r);
    }
    return r ?? undefined;
  };
  const venvRule = JUNK.find((r) => r.code === 'junk-venv')!;
  for (const e of sent) {
    const segs = e.path.split('/');
    let hit: { rule: JunkRule; root: string; family: boolean } | undefined;
    for (let i = 0; i < segs.length - 1 && !hit; i++) {
      const rule = ruleForDir(segs[i]!, i === 0);
      const isVenv = venvRoots.size > 0 && venvRoots.has(segs.slice(0, i + 1).join('/'));
      if (!rule && !isVenv) continue;
      const root = segs.slice(0, i + 1).join('/');
      if (isVenv) hit = { rule: venvRule, root, family: false };
      else if (rule && !needed(root)) hit = { rule, root, family: false };
    }
    if (!hit) {
      const name = segs[segs.length - 1]!;
      const rule = JUNK.find((r) => r.file?.test(name));
      // Loose files (logs, .pyc) are grouped by the pattern that keeps them all out.
      if (rule) hit = { rule, root: rule.fix(e.path), family: true };
    }
    if (!hit) continue;
    const key = `${hit.rule.code}:${hit.root}`;
    const g = groups.get(key) ?? {
      kind: 'junk' as const,
      code: hit.rule.code,
      severity: 'warning' as const,
      path: hit.family ? hit.root : `${hit.root}/`,
      message: hit.rule.message,
      files: 0,
      bytes: 0,
      fix: hit.rule.fix(hit.root),
    };
    g.files++;
    g.bytes += e.size;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}

/** .dockerignore lines that match no path of the context (typos, stale entries) and parse errors. */
export function findPatternProblems(matcher: ContextMatcher, walk: WalkResult, ignoreFile: string): ContextFinding[] {
  const out: ContextFinding[] = [];
  for (const e of matcher.errors) {
    out.push({ kind: 'pattern', code: 'pattern-error', severity: 'error', path: e.source, line: e.line, message: `${ignoreFile}:${e.line}: ${e.message}`, files: 0, bytes: 0 });
  }
  // A bare name that exists deeper down: the user most likely meant `**/name`.
  const existsDeeper = (pattern: string, source: string): boolean => {
    // `/name` says "at the root only" on purpose (init writes an anchored .gitignore entry so).
    if (pattern.includes('/') || source.replace(/^!/, '').startsWith('/')) return false;
    if (!hasWildcards(pattern)) return walk.deepNames.has(pattern);
    const m = sourceMatcher(pattern);
    for (const n of walk.deepNames) if (m(n)) return true;
    return false;
  };
  matcher.patterns.forEach((p, i) => {
    if (!walk.patternUsed[i]) {
      out.push({
        kind: 'pattern',
        code: 'pattern-unused',
        severity: 'info',
        path: p.source,
        line: p.line,
        message: `${ignoreFile}:${p.line}: "${p.source}" matches nothing in the context${existsDeeper(p.pattern, p.source) ? ` (Docker patterns are anchored at the root: "**/${p.pattern}" would match below it)` : ''}`,
        files: 0,
        bytes: 0,
      });
    }
  });
  return out;
}

export function walkProblemFindings(problems: readonly WalkProblem[]): ContextFinding[] {
  return problems.map((p) => ({
    kind: 'walk' as const,
    code: `walk-${p.kind}`,
    severity: p.kind === 'unreadable' ? ('error' as const) : p.kind === 'non-utf8-name' ? ('info' as const) : ('warning' as const),
    path: p.path,
    message: p.message,
    files: 0,
    bytes: 0,
  }));
}
