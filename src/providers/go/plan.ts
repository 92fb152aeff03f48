import { posix } from 'node:path';
import type { BuildPlan, InitOptions, Mount, Stage, Step } from '../../plan/types.js';
import { DecisionNeeded, ExitCode, UserError } from '../../util/errors.js';
import type { GoFacts, GoMainPackage } from './detect.js';
import { CGO_ONLY_MODULES } from './detect.js';
import { compareGoVersions, goMinor, parseGoVersion } from './gomod.js';

/** Used when go.mod has no `go` directive (pre-1.12 modules) and no --go-version. */
export const DEFAULT_GO = '1.23';
export const ALPINE_VERSION = '3.21';
const DISTROLESS_USER = '65532:65532';
const DEFAULT_PORT = 8080;

const MOD_CACHE: Mount = { type: 'cache', target: '/go/pkg/mod' };
const BUILD_CACHE: Mount = { type: 'cache', target: '/root/.cache/go-build' };

/** Picks the main package: `--target-package`, else the only one, else a decision for the user. */
export function chooseMainPackage(mains: GoMainPackage[], target: string | undefined, notes: string[]): GoMainPackage {
  const listing = mains.map((m) => (m.dir === '.' ? '. (the module root)' : m.dir)).join(', ');
  if (target !== undefined) {
    const t = target.trim().replace(/^\.\//, '').replace(/\/+$/, '') || '.';
    const hit = mains.find((m) => m.dir === t) ?? mains.find((m) => m.dir === `cmd/${t}`) ?? mains.find((m) => m.name === t && m.dir !== '.');
    if (!hit) {
      throw new UserError(
        `--target-package ${target}: no package main there${mains.length ? `; main packages found: ${listing}` : ''}`,
        ExitCode.usage,
        undefined,
        undefined,
        mains.length ? `pass one of them, e.g. --target-package ${mains[0]!.dir}` : undefined,
      );
    }
    return hit;
  }
  if (mains.length === 0) {
    throw new UserError(
      'no main package found: looked for .go files with `package main` at the module root, under cmd/<name> and in the other folders of the module',
      ExitCode.refused,
      'go.mod',
      undefined,
      'a library module has nothing to run; add a main package (cmd/<name>/main.go)',
    );
  }
  if (mains.length > 1) {
    throw new DecisionNeeded(
      `several main packages found: ${listing}; which one should the image run?`,
      `pass --target-package ${mains.find((m) => m.dir.startsWith('cmd/'))?.dir ?? mains[0]!.dir} (a folder, ./folder, or the name under cmd/)`,
      'go.mod',
    );
  }
  const only = mains[0]!;
  if (only.dir !== '.' && !only.dir.startsWith('cmd/')) notes.push(`building ${only.dir}, the only main package in the module`);
  return only;
}

/** The Go toolchain tag: --go-version, else the newer of the `go` and `toolchain` directives (major.minor). */
function chooseGoVersion(facts: GoFacts, options: InitOptions, notes: string[], warnings: string[]): { tag: string; source: string } {
  const wanted = [facts.mod.go, facts.mod.toolchain].filter((v): v is string => !!v && !!parseGoVersion(v)).sort(compareGoVersions).pop();
  if (options.goVersion !== undefined) {
    const v = options.goVersion.trim().replace(/^go/, '');
    if (!parseGoVersion(v)) throw new UserError(`--go-version ${options.goVersion}: not a Go version (expected e.g. 1.23 or 1.23.4)`, ExitCode.usage);
    if (wanted && compareGoVersions(v, wanted) < 0) {
      warnings.push(`--go-version ${v} is older than go.mod asks (${wanted}): the go command would try to download a newer toolchain during the build`);
    }
    return { tag: v, source: '--go-version' };
  }
  if (wanted) return { tag: goMinor(wanted), source: facts.mod.toolchain && wanted === facts.mod.toolchain ? 'toolchain directive' : 'go directive' };
  notes.push(`go.mod has no go directive: building with Go ${DEFAULT_GO} (pass --go-version to choose)`);
  return { tag: DEFAULT_GO, source: 'default' };
}

export function planGo(facts: GoFacts, options: InitOptions): BuildPlan {
  const notes: string[] = [];
  const warnings: string[] = [];
  const main = chooseMainPackage(facts.mains, options.targetPackage, notes);
  const go = chooseGoVersion(facts, options, notes, warnings);
  const flavor = options.base ?? 'distroless';

  // cgo: an `import "C"` in the chosen main package or the shared packages, or a cgo-only module.
  const cgoReasons = [...(facts.cgoFiles[main.dir] ?? []), ...(facts.cgoFiles[''] ?? []), ...facts.cgoDeps];
  const cgo = cgoReasons.length > 0;
  const cxx = [...(facts.cxxFiles[main.dir] ?? []), ...(facts.cxxFiles[''] ?? []), ...facts.cxxDeps].length > 0;
  for (const dep of facts.systemLibDeps) {
    warnings.push(`${dep} needs ${CGO_ONLY_MODULES[dep]!.syslib} at run time, which the runtime image does not have: use --base slim and install it in the runtime stage`);
  }
  if (cgo && flavor === 'alpine') warnings.push(`cgo is on (${cgoReasons.join(', ')}): on Alpine it links against musl, not glibc; test the binary, or drop --base alpine`);
  for (const r of facts.mod.localReplaces) {
    const insideWorkspace = facts.workspace !== undefined && !r.path.startsWith('/') && !posix.normalize(posix.join(facts.workspace.modulePath, r.path)).startsWith('..');
    if ((r.path.startsWith('../') || r.path.startsWith('/')) && !insideWorkspace) warnings.push(`go.mod replaces ${r.module} with ${r.path}, outside the build context: the build cannot see it (vendor it, or build from the parent folder)`);
  }
  const ws = facts.workspace;
  // In a workspace, requirements on other members resolve to their folders: nothing to download for them.
  const members = new Set(ws?.members.map((m) => m.module) ?? []);
  const external = ws ? ws.members.flatMap((m) => m.requires).filter((r) => !members.has(r)) : facts.mod.requires;
  const needsDownload = external.length > 0 && !facts.vendored;
  const missingSum = ws ? ws.members.some((m) => m.requires.some((r) => !members.has(r)) && !m.hasGoSum) : !facts.hasGoSum;
  if (needsDownload && missingSum) warnings.push('go.mod has requirements but there is no go.sum: module checksums are not pinned and `go build` may stop with "missing go.sum entry"; run `go mod tidy` and commit go.sum');
  if (ws) notes.push(`${ws.modulePath} is a module of the Go workspace at ${ws.root} (go.work): the build context is the workspace root, with every module it uses`);

  const builder = flavor === 'alpine' ? `golang:${go.tag}-alpine` : `golang:${go.tag}`;
  const manifests = ['go.mod', ...(facts.hasGoSum ? ['go.sum'] : [])];
  // What the download reads, and the source the build compiles: the module alone, or the whole workspace.
  const manifestCopies: Step[] = ws
    ? [
        { kind: 'copy', sources: ['go.work', ...(ws.hasWorkSum ? ['go.work.sum'] : [])], dest: './' },
        ...ws.members.map((m): Step => ({ kind: 'copy', sources: [`${m.dir}/go.mod`, ...(m.hasGoSum ? [`${m.dir}/go.sum`] : [])], dest: `./${m.dir}/` })),
      ]
    : [{ kind: 'copy', sources: manifests, dest: './' }];
  const sourceCopies: Step[] = ws
    ? [
        { kind: 'copy', sources: ['go.work', ...(ws.hasWorkSum ? ['go.work.sum'] : [])], dest: './' },
        ...ws.members.map((m): Step => ({ kind: 'copy', sources: [m.dir], dest: `./${m.dir}/` })),
      ]
    : [{ kind: 'copy', sources: ['.'], dest: '.' }];
  const stages: Stage[] = [];
  const toolchainSteps: Step[] = [];
  if (cgo && flavor === 'alpine') {
    toolchainSteps.push({ kind: 'run', commands: [`apk add --no-cache gcc musl-dev${cxx ? ' g++' : ''}`], comment: 'cgo needs a C compiler; the Alpine Go image has none' });
  }
  if (needsDownload) {
    stages.push({
      name: 'deps',
      base: builder,
      comment: 'download modules from go.mod/go.sum only, so a source change reuses this layer',
      steps: [
        ...toolchainSteps,
        { kind: 'workdir', path: '/src' },
        ...manifestCopies,
        { kind: 'run', commands: ['go mod download'], mounts: [MOD_CACHE], comment: 'the module cache lives in a cache mount, shared with the build step' },
      ],
    });
  }
  const inModule = ws ? posix.join(ws.modulePath, main.dir) : main.dir;
  const pkg = inModule === '.' ? '.' : `./${inModule}`;
  const out = `/out/${main.name}`;
  const buildFlags = [...(facts.vendored ? ['-mod=vendor'] : []), '-trimpath', '-ldflags="-s -w"', `-o ${out}`, pkg];
  const buildCmd = `CGO_ENABLED=${cgo ? 1 : 0} go build ${buildFlags.join(' ')}`;
  stages.push({
    name: 'build',
    base: needsDownload ? 'deps' : builder,
    comment: facts.vendored
      ? 'compile from the vendored modules (-mod=vendor): nothing to download'
      : cgo
        ? 'compile with cgo on: the binary links against the C library'
        : 'compile a static binary (cgo off), stripped and without local paths',
    steps: [
      ...(needsDownload ? [] : [...toolchainSteps, { kind: 'workdir', path: '/src' } as Step]),
      // Vendored: the dependencies are files; copied before the code, their layers stay cached while it changes.
      ...(facts.vendored
        ? [
            { kind: 'copy', sources: manifests, dest: './', comment: 'go.mod and vendor/ first: their layers stay cached while the code changes' } as Step,
            { kind: 'copy', sources: ['vendor'], dest: './vendor' } as Step,
          ]
        : []),
      ...sourceCopies,
      { kind: 'run', commands: [buildCmd], mounts: facts.vendored ? [BUILD_CACHE] : [MOD_CACHE, BUILD_CACHE], comment: 'the build cache is a cache mount: fast rebuilds, nothing left in the layer' },
    ],
  });

  const runtimeBase = runtimeImage(flavor, cgo, cxx);
  const binary = `/app/${main.name}`;
  // --cmd: the binary's name (or its path) first is the built binary; anything else runs as given.
  const cmd = options.cmd ? (options.cmd[0] === main.name || options.cmd[0] === binary ? [binary, ...options.cmd.slice(1)] : options.cmd) : [binary];
  if (options.cmd && cmd[0] !== binary) warnings.push(`--cmd runs ${cmd[0]}, not the built binary ${binary}: the runtime image holds nothing else${flavor === 'distroless' ? ' (distroless has no shell)' : ''}`);
  const port = options.port ?? main.ports[0] ?? DEFAULT_PORT;
  if (options.port === undefined) {
    if (main.ports.length === 0) notes.push(`no listen address found in ${main.dir === '.' ? 'the root package' : main.dir}: EXPOSE ${DEFAULT_PORT} (pass --port to change)`);
    else if (main.ports.length > 1) notes.push(`several ports in the source (${main.ports.join(', ')}): EXPOSE ${port} (pass --port to change)`);
  }
  const runtimeSteps: Step[] = [{ kind: 'workdir', path: '/app' }];
  if (flavor === 'slim') {
    runtimeSteps.push({ kind: 'copy', from: 'build', sources: ['/etc/ssl/certs/ca-certificates.crt'], dest: '/etc/ssl/certs/ca-certificates.crt', comment: 'Debian slim has no CA bundle: take the builder\'s, for outgoing TLS' });
  }
  runtimeSteps.push({ kind: 'copy', from: 'build', sources: [out], dest: binary });
  runtimeSteps.push({ kind: 'user', user: DISTROLESS_USER, comment: flavor === 'alpine' || flavor === 'slim' ? 'numeric non-root user: no passwd entry needed' : 'numeric non-root user (distroless "nonroot")' });
  runtimeSteps.push({ kind: 'expose', port });
  if (main.healthFlag) {
    runtimeSteps.push({ kind: 'healthcheck', argv: [binary, `-${main.healthFlag}`], interval: '30s', timeout: '3s', startPeriod: '5s', retries: 3, comment: `the app's own -${main.healthFlag} flag${flavor === 'alpine' || flavor === 'slim' ? '' : ': distroless has no shell or curl'}` });
  } else {
    notes.push(`no HEALTHCHECK: ${flavor === 'alpine' || flavor === 'slim' ? 'the runtime image has no curl or wget for it' : 'distroless has no shell and no curl'}, and the app has no health flag of its own; probe it from the orchestrator, or add a -healthcheck flag`);
  }
  runtimeSteps.push({ kind: 'entrypoint', argv: cmd });
  stages.push({ name: 'runtime', base: runtimeBase, comment: runtimeComment(flavor, cgo, cxx), steps: runtimeSteps });

  const keep = ws
    ? ['go.work', ...(ws.hasWorkSum ? ['go.work.sum'] : []), ...ws.members.map((m) => m.dir)]
    : [...manifests, ...(facts.vendored ? ['vendor'] : []), ...(main.dir === '.' ? [] : [main.dir])];
  return {
    stack: 'go',
    packageManager: 'go',
    facts: {
      module: facts.mod.module,
      goVersion: go.tag,
      goVersionFrom: go.source,
      goDirective: facts.mod.go,
      toolchain: facts.mod.toolchain,
      mainPackage: main.dir,
      mainPackages: facts.mains.map((m) => m.dir),
      binary,
      cgo,
      cgoReasons,
      cxx,
      vendored: facts.vendored,
      hasGoSum: facts.hasGoSum,
      download: needsDownload,
      requires: facts.mod.requires.length,
      ...(ws ? { workspace: { root: ws.root, module: ws.modulePath, members: ws.members.map((m) => m.dir) } } : {}),
    },
    stages,
    user: DISTROLESS_USER,
    port,
    cmd,
    dockerignore: {
      entries: ['.git', '**/.env', '**/.env.*', '**/*.log', '**/node_modules', 'bin/', 'dist/', '**/*.test', '**/*.out', 'coverage.*', '.idea/', '.vscode/'],
      keep,
    },
    context: ws?.root ?? '.',
    warnings,
    notes,
  };
}

function runtimeImage(flavor: string, cgo: boolean, cxx: boolean): string {
  if (flavor === 'alpine') return `alpine:${ALPINE_VERSION}`;
  if (flavor === 'slim') return 'debian:bookworm-slim';
  if (!cgo) return 'gcr.io/distroless/static-debian12:nonroot';
  return cxx ? 'gcr.io/distroless/cc-debian12:nonroot' : 'gcr.io/distroless/base-debian12:nonroot';
}

function runtimeComment(flavor: string, cgo: boolean, cxx: boolean): string {
  if (flavor === 'alpine') return 'Alpine runtime, on request: small, musl-based';
  if (flavor === 'slim') return 'Debian slim runtime, on request: a shell and apt for debugging';
  if (!cgo) return 'the static binary alone: no shell, no package manager, CA certificates and tzdata included';
  return cxx ? 'glibc and libstdc++ for the cgo binary, nothing else' : 'glibc for the cgo binary, nothing else';
}
