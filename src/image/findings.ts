import { posix } from 'node:path';
import { leakedBuildArgs, looksSecret, maskValue } from './config.js';
import { findNode, walkTree, type TreeNode } from './filetree.js';
import type { Finding, HistoryItem, Severity } from './types.js';

/** Folders of the system and of language runtimes: tests and keys there come with the OS or the base image. */
const systemPrefixes = ['/usr/', '/lib/', '/lib32/', '/lib64/', '/libx32/', '/bin/', '/sbin/', '/etc/', '/var/lib/dpkg/', '/proc/', '/sys/', '/dev/'];
const appExceptions = ['/usr/src/', '/usr/local/app/'];

function isSystemPath(path: string): boolean {
  return systemPrefixes.some((p) => path.startsWith(p)) && !appExceptions.some((p) => path.startsWith(p));
}

const envExample = /\.(example|sample|template|dist|defaults?)$/i;

const credentialFiles = new Map<string, string>([
  ['.npmrc', 'npm credentials (.npmrc) can hold a registry token'],
  ['.pypirc', 'PyPI credentials (.pypirc)'],
  ['.netrc', 'machine credentials (.netrc)'],
  ['.git-credentials', 'git credentials (.git-credentials)'],
  ['credentials', 'a credentials file'],
]);
const credentialParents = new Map<string, string>([
  ['.aws/credentials', 'AWS credentials'],
  ['.docker/config.json', 'Docker registry credentials'],
  ['.kube/config', 'a Kubernetes config with cluster credentials'],
]);

const keyNames = /^(id_(rsa|dsa|ecdsa|ed25519)(_sk)?|.*\.(key|p12|pfx|jks|keystore)|.*private.*\.pem|.*-key\.pem|.*_key\.pem)$/i;

const packageCaches: { path: RegExp; what: string }[] = [
  { path: /^\/(root|home\/[^/]+)\/\.npm$/, what: 'npm cache' },
  { path: /^\/(root|home\/[^/]+)\/\.cache\/(pip|yarn|pnpm|go-build|pypoetry|uv|node-gyp|bun)$/, what: 'package manager cache' },
  { path: /^\/(root|home\/[^/]+)\/\.(pnpm-store|yarn\/berry\/cache|bun\/install\/cache|cargo\/registry)$/, what: 'package manager cache' },
  { path: /^\/usr\/local\/share\/\.cache\/yarn$/, what: 'yarn cache' },
  { path: /^\/go\/pkg\/mod\/cache$/, what: 'Go module download cache' },
  { path: /^\/var\/cache\/apt\/archives$/, what: 'downloaded .deb packages' },
  { path: /^\/var\/lib\/apt\/lists$/, what: 'apt package lists' },
  { path: /^\/var\/cache\/apk$/, what: 'apk cache' },
];

const compilers = new Map<string, string>([
  ['gcc', 'C compiler'], ['g++', 'C++ compiler'], ['cc1', 'C compiler'], ['cc1plus', 'C++ compiler'], ['clang', 'C compiler'],
  ['rustc', 'Rust compiler'], ['javac', 'Java compiler'], ['tsc', 'TypeScript compiler'],
]);
const compilerPaths = [/^\/usr\/local\/go\/bin\/go$/, /^\/usr\/lib\/go-[\d.]+\/bin\/go$/, /^\/usr\/bin\/x86_64-linux-gnu-gcc-\d+$/];

const testFolders = new Set(['test', 'tests', '__tests__', 'spec', '__mocks__', 'e2e']);

/** Packages that are dev tools whatever package.json says (used when it does not list devDependencies). */
const devTools = new Set(['typescript', 'eslint', 'prettier', 'jest', 'vitest', 'mocha', 'nodemon', 'ts-node', 'tsx', 'webpack', 'vite', 'rollup', 'esbuild', '@types/node', 'husky', 'lint-staged']);
const pythonDevTools = new Set(['pytest', 'black', 'mypy', 'flake8', 'ruff', 'pylint', 'isort', 'tox']);

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

function subtreeBytes(node: TreeNode): { bytes: number; files: number } {
  let bytes = node.size;
  let files = node.kind === 'dir' ? 0 : 1;
  if (node.children) for (const c of node.children.values()) {
    const s = subtreeBytes(c);
    bytes += s.bytes;
    files += s.files;
  }
  return { bytes, files };
}

export interface FindingsInput {
  root: TreeNode;
  /** Layer index from which layers are the user's (layers below it came from the base image). */
  baseLayers: number;
  /** Captured package.json contents (final copies), by path without a leading slash. */
  packageJsons: Map<string, Buffer>;
  history: HistoryItem[];
  /** Number of history entries that came from the base image. */
  baseHistory: number;
}

export function findShouldNotShip(input: FindingsInput): Finding[] {
  const { root, baseLayers } = input;
  const findings: Finding[] = [];
  const add = (code: string, severity: Severity, message: string, path: string, node: TreeNode, bytes?: number) => {
    const inBase = node.layer < baseLayers;
    findings.push({ code, severity: inBase ? 'note' : severity, message, path, bytes: bytes ?? node.size, layer: node.layer, inBase });
  };
  const skipBelow: string[] = [];
  for (const { path, node } of walkTree(root)) {
    if (skipBelow.some((p) => path.startsWith(p))) continue;
    const name = posix.basename(path);
    const isDir = node.kind === 'dir';
    if (!isDir && (name === '.env' || (name.startsWith('.env.') && !envExample.test(name)))) {
      add('env-file', 'error', `${path}: an environment file ships in the image (it usually holds secrets)`, path, node);
      continue;
    }
    if (!isDir && keyNames.test(name) && !isSystemPath(path) && !name.endsWith('.pub')) {
      add('private-key', 'error', `${path}: a private key or keystore ships in the image`, path, node);
      continue;
    }
    if (!isDir && credentialFiles.has(name) && !isSystemPath(path) && (name !== 'credentials' || path.endsWith('/.aws/credentials'))) {
      add('credentials-file', 'error', `${path}: ${credentialFiles.get(name)}`, path, node);
      continue;
    }
    if (!isDir) {
      for (const [suffix, what] of credentialParents) {
        if (path.endsWith(`/${suffix}`) && !credentialFiles.has(name)) add('credentials-file', 'error', `${path}: ${what}`, path, node);
      }
    }
    if (isDir && name === '.git') {
      const s = subtreeBytes(node);
      add('git-folder', 'warning', `${path}: a git repository (${files(s.files)}) ships in the image`, path, node, s.bytes);
      skipBelow.push(`${path}/`);
      continue;
    }
    if (isDir) {
      const cache = packageCaches.find((c) => c.path.test(path));
      if (cache) {
        const s = subtreeBytes(node);
        if (s.files > 0) add('package-cache', 'warning', `${path}: ${cache.what} (${files(s.files)}) ships in the image`, path, node, s.bytes);
        skipBelow.push(`${path}/`);
        continue;
      }
    }
    if (!isDir && (compilers.has(name) || compilerPaths.some((re) => re.test(path))) && (path.includes('/bin/') || path.includes('/libexec/') || path.startsWith('/usr/lib/gcc/') || path.startsWith('/usr/local/go/'))) {
      add('compiler', 'warning', `${path}: a ${compilers.get(name) ?? 'compiler toolchain'} ships in the runtime image`, path, node);
      continue;
    }
    if (isDir && testFolders.has(name) && !isSystemPath(path)) {
      const s = subtreeBytes(node);
      if (s.files > 0) {
        add('test-folder', 'note', `${path}: a test folder (${files(s.files)}) ships in the image`, path, node, s.bytes);
        skipBelow.push(`${path}/`);
      }
    }
  }
  findings.push(...devDependencyFindings(input), ...leakedArgFindings(input));
  // Tests inside node_modules are many and small: keep them as notes, but group them to stay readable.
  return groupNodeModulesTests(findings);
}

function groupNodeModulesTests(findings: Finding[]): Finding[] {
  const grouped = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    const m = f.code === 'test-folder' && f.path ? /^(.*\/node_modules)\//.exec(f.path) : null;
    if (!m) {
      out.push(f);
      continue;
    }
    const g = grouped.get(m[1]!);
    if (g) {
      g.bytes = (g.bytes ?? 0) + (f.bytes ?? 0);
      (g as Finding & { count: number }).count++;
    } else {
      const ng = { ...f, path: m[1]!, count: 1 } as Finding & { count: number };
      grouped.set(m[1]!, ng);
      out.push(ng);
    }
  }
  for (const g of grouped.values()) {
    const c = (g as Finding & { count: number }).count;
    g.message = `${g.path}: ${c} test folder${c === 1 ? '' : 's'} inside installed packages ship in the image`;
    delete (g as Partial<Finding & { count: number }>).count;
  }
  return out;
}

function devDependencyFindings(input: FindingsInput): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const [file, content] of input.packageJsons) {
    const dir = posix.dirname(`/${file}`);
    let pkg: { devDependencies?: Record<string, string> };
    try {
      pkg = JSON.parse(content.toString('utf8'));
    } catch {
      continue;
    }
    const modules = findNode(input.root, `${dir === '/' ? '' : dir}/node_modules`);
    if (!modules?.children) continue;
    for (const dep of Object.keys(pkg.devDependencies ?? {})) {
      const node = findNode(modules, dep);
      if (!node) continue;
      const path = `${dir === '/' ? '' : dir}/node_modules/${dep}`;
      reported.add(path);
      const s = subtreeBytes(node);
      out.push({ code: 'dev-dependency', severity: node.layer < input.baseLayers ? 'note' : 'warning', message: `${path}: devDependency "${dep}" (from ${dir === '/' ? '' : dir}/package.json) ships in the image`, path, bytes: s.bytes, layer: node.layer, inBase: node.layer < input.baseLayers });
    }
  }
  // Without a package.json to go by, well-known dev tools in an app's node_modules still tell.
  for (const { path, node } of walkTree(input.root)) {
    if (isSystemPath(path) || !path.includes('/node_modules/')) continue;
    const m = /^(.*?\/node_modules)\/((?:@[^/]+\/)?[^/]+)$/.exec(path);
    if (!m || m[1]!.includes('/node_modules/') || reported.has(path)) continue;
    if (!devTools.has(m[2]!)) continue;
    const s = subtreeBytes(node);
    out.push({ code: 'dev-dependency', severity: node.layer < input.baseLayers ? 'note' : 'warning', message: `${path}: "${m[2]}" is a development tool, shipped in the image`, path, bytes: s.bytes, layer: node.layer, inBase: node.layer < input.baseLayers });
  }
  for (const { path, node } of walkTree(input.root)) {
    const m = /\/site-packages\/([^/]+)$/.exec(path);
    if (!m || node.kind !== 'dir' || !pythonDevTools.has(m[1]!) || node.layer < input.baseLayers) continue;
    const s = subtreeBytes(node);
    out.push({ code: 'dev-dependency', severity: 'warning', message: `${path}: "${m[1]}" is a development tool, shipped in the image`, path, bytes: s.bytes, layer: node.layer, inBase: false });
  }
  return out;
}

function leakedArgFindings(input: FindingsInput): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  let layer = -1;
  input.history.forEach((h, i) => {
    if (!h.emptyLayer) layer++;
    const args = leakedBuildArgs(h.createdBy);
    const inBase = i < input.baseHistory;
    for (const a of args) {
      // Every RUN after an ARG repeats it: one finding per argument and value.
      if (seen.has(`${a.key}=${a.value}`)) continue;
      seen.add(`${a.key}=${a.value}`);
      const secret = looksSecret(a.key, a.value);
      out.push({
        code: 'leaked-build-arg',
        severity: inBase ? 'note' : secret ? 'error' : 'note',
        message: secret
          ? `build arg ${a.key}=${maskValue(a.value)} is recorded in the image history: use a secret mount (RUN --mount=type=secret) instead`
          : `build arg ${a.key}=${a.value} is recorded in the image history`,
        layer: Math.max(layer, 0),
        inBase,
      });
    }
  });
  return out;
}
