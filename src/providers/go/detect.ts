import { join, posix, relative, resolve } from 'node:path';
import type { Project } from '../../project/project.js';
import type { InitOptions } from '../../plan/types.js';
import { DecisionNeeded, ExitCode, UserError } from '../../util/errors.js';
import { goModError, parseGoMod, type GoMod } from './gomod.js';

/** A folder of the module holding a `package main`. */
export interface GoMainPackage {
  /** Relative folder: `.` or `cmd/api`. */
  dir: string;
  /** The binary's name: the folder name, or the module's last path element for the root. */
  name: string;
  /** Ports found in its listen addresses (`":8080"`, `Getenv("PORT")` defaults, flag defaults). */
  ports: number[];
  /** A boolean flag the app offers for a health probe (`-healthcheck`), when it has one. */
  healthFlag?: string;
}

export interface GoFacts {
  mod: GoMod;
  hasGoSum: boolean;
  /** vendor/modules.txt present: build with -mod=vendor, no download. */
  vendored: boolean;
  mains: GoMainPackage[];
  /** Files (relative) with `import "C"`, outside the main packages or inside them, keyed by main dir ('' = shared packages). */
  cgoFiles: Record<string, string[]>;
  /** C++ sources or `-lstdc++` next to cgo code, keyed like cgoFiles. */
  cxxFiles: Record<string, string[]>;
  /** Required modules that only build with cgo. */
  cgoDeps: string[];
  /** Of those, the ones that need libstdc++. */
  cxxDeps: string[];
  /** Required modules that also need a system library at run time (not in distroless). */
  systemLibDeps: string[];
  /** A go.work above the module that uses it: the build runs from the workspace root. */
  workspace?: GoWorkspace;
}

export interface GoWorkspace {
  /** The workspace root relative to the module folder (`..`, `../..`). */
  root: string;
  /** The module's folder relative to the workspace root (`services/api`). */
  modulePath: string;
  hasWorkSum: boolean;
  /** Every `use`d module: its folder (relative to the root), go.sum presence, and requirements. */
  members: { dir: string; module: string; hasGoSum: boolean; requires: string[] }[];
}

const WORKSPACE_LEVELS = 5;

/** The nearest go.work above the module (at most five levels up) whose `use` lists it. */
function findWorkspace(project: Project): GoWorkspace | undefined {
  for (let level = 1; level <= WORKSPACE_LEVELS; level++) {
    const root = Array(level).fill('..').join('/');
    const work = project.readText(`${root}/go.work`);
    if (work === undefined) continue;
    const modulePath = relative(resolve(project.root, root), project.root).split('\\').join('/');
    const dirs = workspaceMembers(work).map((d) => posix.normalize(d).replace(/\/$/, ''));
    if (!dirs.includes(modulePath)) return undefined;
    const members = dirs.map((dir) => {
      const text = project.readText(`${root}/${dir}/go.mod`) ?? '';
      const mod = parseGoMod(text);
      return { dir, module: mod.module, hasGoSum: project.hasFile(`${root}/${dir}/go.sum`), requires: mod.requires };
    });
    return { root, modulePath, hasWorkSum: project.hasFile(`${root}/go.work.sum`), members };
  }
  return undefined;
}

/** Modules that cannot build without cgo. `cxx`: they link libstdc++; `syslib`: they need a shared library at run time. */
export const CGO_ONLY_MODULES: Record<string, { cxx?: boolean; syslib?: string }> = {
  'github.com/mattn/go-sqlite3': {},
  'github.com/confluentinc/confluent-kafka-go': {},
  'github.com/confluentinc/confluent-kafka-go/v2': {},
  'github.com/DataDog/zstd': {},
  'github.com/linxGnu/grocksdb': { cxx: true, syslib: 'librocksdb' },
  'github.com/tecbot/gorocksdb': { cxx: true, syslib: 'librocksdb' },
  'gopkg.in/gographics/imagick.v3': { syslib: 'ImageMagick (libMagickWand)' },
  'gopkg.in/gographics/imagick.v2': { syslib: 'ImageMagick (libMagickWand)' },
  'github.com/google/gopacket/pcap': { syslib: 'libpcap' },
};

const SKIP_DIRS = new Set(['vendor', 'testdata', 'node_modules']);
const MAX_DEPTH = 8;

/** Go source files of the module (not tests, not vendor/testdata/hidden folders), by folder. */
function goPackages(project: Project): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (dir: string, depth: number): void => {
    for (const name of project.list(dir)) {
      const path = dir === '.' ? name : `${dir}/${name}`;
      if (project.hasDir(path)) {
        if (depth < MAX_DEPTH && !SKIP_DIRS.has(name) && !name.startsWith('.') && !name.startsWith('_')) {
          // A nested go.mod is another module: not part of this build.
          if (!project.hasFile(`${path}/go.mod`)) walk(path, depth + 1);
        }
      } else if (/\.(go|c|cc|cpp|cxx|h|hpp)$/.test(name) && !name.endsWith('_test.go')) {
        const list = out.get(dir) ?? [];
        list.push(path);
        out.set(dir, list);
      }
    }
  };
  walk('.', 0);
  return out;
}

const IMPORT_C = /(^|\n)\s*import\s+"C"|(^|\n)\s*import\s*\([^)]*\n\s*"C"\s*(\n|\))/;

function isIgnoredByBuildTag(text: string): boolean {
  return /^\/\/go:build\s+ignore\b/m.test(text) || /^\/\/\s*\+build\s+ignore\b/m.test(text);
}

function isMainPackage(text: string): boolean {
  return /^package\s+main\b/m.test(text) && !isIgnoredByBuildTag(text);
}

/** Listen addresses in Go source: net/http, net.Listen, gin/echo/fiber, Getenv("PORT") defaults, flag defaults. */
export function findGoPorts(text: string): number[] {
  const found: number[] = [];
  const add = (s: string | undefined): void => {
    const n = Number(s);
    if (Number.isInteger(n) && n > 0 && n < 65536 && !found.includes(n)) found.push(n);
  };
  const addr = String.raw`"(?:[\w.\-\[\]]*):(\d{2,5})"`;
  const patterns = [
    new RegExp(String.raw`ListenAndServe(?:TLS)?\(\s*${addr}`, 'g'),
    new RegExp(String.raw`Addr:\s*${addr}`, 'g'),
    new RegExp(String.raw`Listen\(\s*"tcp[46]?",\s*${addr}`, 'g'),
    new RegExp(String.raw`\.(?:Run|Listen|Start)\(\s*${addr}`, 'g'),
    new RegExp(String.raw`flag\.(?:String|StringVar)\([^)]*?"(?:addr|address|listen|http|port)[\w-]*",\s*${addr}`, 'gi'),
    /flag\.(?:Int|IntVar)\([^)]*?"(?:port|http-port)",\s*(\d{2,5})/gi,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) add(m[1]);
  if (/Getenv\(\s*"PORT"\s*\)/.test(text)) {
    // The usual `port := os.Getenv("PORT"); if port == "" { port = "8080" }`.
    for (const m of text.matchAll(/"(?::)?(\d{4,5})"/g)) add(m[1]);
  }
  return found;
}

function findHealthFlag(text: string): string | undefined {
  const m = /flag\.Bool(?:Var)?\([^)]*?"(health|healthcheck|health-check)"/.exec(text);
  return m?.[1];
}

/** Reads a Go module: undefined when there is no go.mod. */
export function detectGo(project: Project, _options: InitOptions): GoFacts | undefined {
  const text = project.readText('go.mod');
  if (text === undefined) {
    const work = project.readText('go.work');
    if (work === undefined) return undefined;
    // A workspace root builds nothing itself: each member is a module with its own main package.
    const members = workspaceMembers(work);
    throw new DecisionNeeded(
      `go.work without a go.mod: a Go workspace${members.length ? ` (modules: ${members.join(', ')})` : ''}; which module should the image build?`,
      `run stagecraft init on the module's folder${members.length ? `, e.g. stagecraft init ${members[0]}` : ''}`,
      'go.work',
    );
  }
  const syntax = goModError(text);
  if (syntax) throw new UserError(`${syntax.message}; the go command in the build would stop here`, ExitCode.usage, join(project.root, 'go.mod'), syntax.line);
  const mod = parseGoMod(text);
  const packages = goPackages(project);

  const mains: GoMainPackage[] = [];
  const cgoFiles: Record<string, string[]> = {};
  const cxxFiles: Record<string, string[]> = {};
  const record = (bag: Record<string, string[]>, key: string, file: string): void => {
    (bag[key] ??= []).push(file);
  };

  const mainDirs = new Set<string>();
  for (const [dir, files] of packages) {
    if (files.some((f) => f.endsWith('.go') && isMainPackage(project.readText(f) ?? ''))) mainDirs.add(dir);
  }
  // A file belongs to the main package it sits under, or to the shared packages ('').
  const ownerOf = (dir: string): string => {
    for (const m of mainDirs) if (m !== '.' && (dir === m || dir.startsWith(`${m}/`))) return m;
    return mainDirs.has('.') && dir === '.' ? '.' : '';
  };
  for (const [dir, files] of packages) {
    const owner = ownerOf(dir);
    let dirHasCgo = false;
    for (const f of files.filter((x) => x.endsWith('.go'))) {
      const src = project.readText(f) ?? '';
      if (isIgnoredByBuildTag(src)) continue;
      if (IMPORT_C.test(src)) {
        dirHasCgo = true;
        record(cgoFiles, owner, f);
        if (/#cgo\b[^\n]*-lstdc\+\+/.test(src)) record(cxxFiles, owner, f);
      }
    }
    if (dirHasCgo) for (const f of files.filter((x) => /\.(cc|cpp|cxx|hpp)$/.test(x))) record(cxxFiles, owner, f);
  }
  for (const dir of [...mainDirs].sort(mainOrder)) {
    const texts = (packages.get(dir) ?? []).filter((f) => f.endsWith('.go')).map((f) => project.readText(f) ?? '');
    const all = texts.join('\n');
    const name = dir === '.' ? binaryNameForModule(mod.module) : posix.basename(dir);
    const healthFlag = findHealthFlag(all);
    mains.push({ dir, name, ports: findGoPorts(all), ...(healthFlag ? { healthFlag } : {}) });
  }

  // A vendored module builds on its own (-mod=vendor and workspace mode do not mix before Go 1.22).
  const workspace = project.hasFile('vendor/modules.txt') ? undefined : findWorkspace(project);
  const cgoDeps = mod.requires.filter((r) => r in CGO_ONLY_MODULES || Object.keys(CGO_ONLY_MODULES).some((k) => r.startsWith(`${k}/`)));
  return {
    mod,
    hasGoSum: project.hasFile('go.sum'),
    vendored: project.hasFile('vendor/modules.txt'),
    mains,
    cgoFiles,
    cxxFiles,
    cgoDeps,
    cxxDeps: cgoDeps.filter((d) => CGO_ONLY_MODULES[d]?.cxx),
    systemLibDeps: cgoDeps.filter((d) => CGO_ONLY_MODULES[d]?.syslib),
    ...(workspace ? { workspace } : {}),
  };
}

/** Root first, then cmd/<name> alphabetically, then the rest. */
function mainOrder(a: string, b: string): number {
  const rank = (d: string): number => (d === '.' ? 0 : d.startsWith('cmd/') ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** `example.com/team/api/v2` -> `api`; a safe file name in any case. */
export function binaryNameForModule(module: string): string {
  const parts = module.split('/').filter(Boolean);
  let last = parts.pop() ?? 'app';
  if (/^v\d+$/.test(last) && parts.length > 0) last = parts.pop()!;
  const safe = last.replace(/[^A-Za-z0-9._-]/g, '-');
  return safe === '' || safe === '.' || safe === '..' ? 'app' : safe;
}

/** The `use` directives of a go.work file (single-line and block forms). */
export function workspaceMembers(text: string): string[] {
  const out: string[] = [];
  let inUse = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inUse) {
      if (line === ')') inUse = false;
      else if (line) out.push(line.replace(/^\.\//, ''));
      continue;
    }
    if (/^use\s*\($/.test(line)) inUse = true;
    else {
      const m = /^use\s+(\S+)/.exec(line);
      if (m) out.push(m[1]!.replace(/^\.\//, ''));
    }
  }
  return out;
}
