import type { Dockerfile, Instruction, Stage } from '../../dockerfile/index.js';
import { inheritedInstructions } from '../../dockerfile/index.js';
import { callsOf, hasOption, positionals, toolCalls } from './commands.js';
import { copyArgs, normalizeSource } from './copy.js';

export type Ecosystem = 'node' | 'python' | 'go' | 'ruby' | 'php' | 'rust';

/** A command that installs a project's dependencies from its manifests (not named packages). */
export interface DependencyInstall {
  ecosystem: Ecosystem;
  /** `npm ci`, `pip install -r requirements.txt`... */
  command: string;
  tool: string;
  /** True when it refuses to run without a lockfile (`npm ci`, `--frozen-lockfile`, `--immutable`). */
  frozen: boolean;
  /** True when it installs production dependencies only. */
  productionOnly: boolean;
  args: string[];
}

const NODE_TOOLS = ['npm', 'yarn', 'pnpm', 'bun'];

const installCache = new WeakMap<Instruction, DependencyInstall[]>();

export function dependencyInstalls(instruction: Instruction): DependencyInstall[] {
  const cached = installCache.get(instruction);
  if (cached) return cached;
  const out: DependencyInstall[] = [];
  installCache.set(instruction, out);
  if (instruction.keyword !== 'RUN') return out;
  for (const c of toolCalls(instruction)) {
    const p = positionals(c.args);
    const sub = p[0];
    const cmd = [c.tool, ...c.args].join(' ');
    if (NODE_TOOLS.includes(c.tool)) {
      const a = c.args;
      const isInstall =
        (c.tool === 'npm' && (sub === 'ci' || ((sub === 'install' || sub === 'i') && p.length === 1))) ||
        (c.tool === 'yarn' && (sub === undefined || (sub === 'install' && p.length === 1))) ||
        (c.tool === 'pnpm' && ((sub === 'install' || sub === 'i') && p.length === 1)) ||
        (c.tool === 'bun' && ((sub === 'install' || sub === 'i') && p.length === 1));
      if (!isInstall || hasOption(a, '-g', '--global')) continue;
      const frozen = sub === 'ci' || hasOption(a, '--frozen-lockfile', '--immutable', '--frozen');
      const productionOnly = hasOption(a, '--omit=dev', '--production', '--prod', '-P') || a.some((x) => /^--only=prod/.test(x) || x === '--omit=dev');
      out.push({ ecosystem: 'node', command: cmd, tool: c.tool, frozen, productionOnly, args: a });
    }
  }
  for (const c of callsOf(instruction, 'pip', 'pip3', 'uv', 'poetry', 'pipenv', 'pdm')) {
    const cmd = [c.tool, ...c.args].join(' ');
    const p = positionals(c.args, new Set(['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '--target', '-t']));
    if (/^pip/.test(c.tool) && p[0] === 'install' && hasOption(c.args, '-r', '--requirement')) {
      const reqs = c.args.filter((_, k) => c.args[k - 1] === '-r' || c.args[k - 1] === '--requirement').concat(c.args.filter((a) => a.startsWith('--requirement=')).map((a) => a.slice(14)));
      out.push({ ecosystem: 'python', command: cmd, tool: 'pip', frozen: false, productionOnly: !reqs.some((r) => /dev|test/.test(r)), args: c.args });
    } else if (c.tool === 'uv' && (p[0] === 'sync' || (p[0] === 'pip' && p[1] === 'sync'))) {
      out.push({ ecosystem: 'python', command: cmd, tool: 'uv', frozen: hasOption(c.args, '--locked', '--frozen') || p[0] === 'pip', productionOnly: hasOption(c.args, '--no-dev', '--no-default-groups'), args: c.args });
    } else if (c.tool === 'poetry' && p[0] === 'install') {
      out.push({ ecosystem: 'python', command: cmd, tool: 'poetry', frozen: false, productionOnly: hasOption(c.args, '--only', '--without', '--no-dev'), args: c.args });
    } else if (c.tool === 'pipenv' && (p[0] === 'install' || p[0] === 'sync')) {
      out.push({ ecosystem: 'python', command: cmd, tool: 'pipenv', frozen: hasOption(c.args, '--deploy') || p[0] === 'sync', productionOnly: !hasOption(c.args, '--dev', '-d'), args: c.args });
    }
  }
  for (const c of callsOf(instruction, 'go')) {
    const p = positionals(c.args);
    if (p[0] === 'mod' && p[1] === 'download') out.push({ ecosystem: 'go', command: ['go', ...c.args].join(' '), tool: 'go', frozen: false, productionOnly: true, args: c.args });
  }
  for (const c of callsOf(instruction, 'bundle', 'composer', 'cargo')) {
    const p = positionals(c.args);
    if (c.tool === 'bundle' && (p[0] === 'install' || p[0] === undefined)) out.push({ ecosystem: 'ruby', command: ['bundle', ...c.args].join(' '), tool: 'bundle', frozen: hasOption(c.args, '--frozen', '--deployment'), productionOnly: false, args: c.args });
    if (c.tool === 'composer' && p[0] === 'install') out.push({ ecosystem: 'php', command: ['composer', ...c.args].join(' '), tool: 'composer', frozen: false, productionOnly: hasOption(c.args, '--no-dev'), args: c.args });
    if (c.tool === 'cargo' && p[0] === 'fetch') out.push({ ecosystem: 'rust', command: ['cargo', ...c.args].join(' '), tool: 'cargo', frozen: hasOption(c.args, '--locked'), productionOnly: true, args: c.args });
  }
  return out;
}

export const MANIFESTS: Record<string, string[]> = {
  npm: ['package.json'],
  yarn: ['package.json'],
  pnpm: ['package.json'],
  bun: ['package.json'],
  pip: ['requirements.txt'],
  uv: ['pyproject.toml'],
  poetry: ['pyproject.toml'],
  pipenv: ['Pipfile'],
  go: ['go.mod'],
  bundle: ['Gemfile'],
  composer: ['composer.json'],
  cargo: ['Cargo.toml'],
};

export const LOCKFILES: Record<string, string[]> = {
  npm: ['package-lock.json', 'npm-shrinkwrap.json'],
  yarn: ['yarn.lock'],
  pnpm: ['pnpm-lock.yaml'],
  bun: ['bun.lock', 'bun.lockb'],
  uv: ['uv.lock'],
  poetry: ['poetry.lock'],
  pipenv: ['Pipfile.lock'],
  bundle: ['Gemfile.lock'],
  composer: ['composer.lock'],
  cargo: ['Cargo.lock'],
};

/** What the COPY/ADD instructions (not --from) before `before` put in the stage. */
export interface CopiedFiles {
  /** Normalised sources (`package.json`, `src`, `.`). */
  sources: { source: string; instruction: Instruction }[];
  /** True when a source is the whole context (`.`, `./`, `*`). */
  broad: Instruction | undefined;
}

export function copiedBefore(df: Dockerfile, stage: Stage, before: Instruction): CopiedFiles {
  const sources: CopiedFiles['sources'] = [];
  let broad: Instruction | undefined;
  for (const i of inheritedInstructions(df, stage)) {
    if (i === before || (i.stageIndex === before.stageIndex && i.index >= before.index)) break;
    if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
    if (i.flags.some((f) => f.name === 'from')) continue;
    for (const s of copyArgs(i).sources) {
      const n = normalizeSource(s);
      sources.push({ source: n, instruction: i });
      if (n === '.' || n === '*' || n === './*') broad ??= i;
    }
  }
  return { sources, broad };
}

/** True when one of the copied sources brings `file` (exact name, a glob like `package*.json`, or a folder holding it). */
export function copiesFile(copied: CopiedFiles, file: string): boolean {
  return copied.broad !== undefined || copiesExplicitly(copied, file);
}

/** Like copiesFile, but only through a source that names the file (or a glob that matches it). */
export function copiesExplicitly(copied: CopiedFiles, file: string): boolean {
  return copied.sources.some(({ source }) => {
    if (source === file) return true;
    const base = source.slice(source.lastIndexOf('/') + 1);
    if (/[*?[]/.test(base)) return globToRegExp(base).test(file);
    return false;
  });
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const c of glob) {
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
