import type { BuildPlan, InitOptions, Mount, Stage, Step } from '../../plan/types.js';
import { DecisionNeeded } from '../../util/errors.js';
import type { BunFacts } from './detect.js';
import { entryOfBunCommand } from './detect.js';

/**
 * How the app reaches the runtime stage:
 * - compile: `bun build --compile`, one executable on distroless base (glibc; the binary needs
 *   nothing else, checked with ldd), the default: the smallest working image (/work/notes/bun-choice.md);
 * - bundle: `bun build --target=bun` to one JS file run by the oven/bun slim (or alpine) image;
 * - source: production node_modules plus the source, for native addons or a custom --cmd.
 */
export type BunMode = 'compile' | 'bundle' | 'source';

const DEFAULT_PORT = 3000;
const DISTROLESS_USER = '65532:65532';
/** The `bun` user of the oven/bun images. */
const BUN_IMAGE_USER = '1000:1000';
const BUN_CACHE: Mount = { type: 'cache', target: '/root/.bun/install/cache' };
const BINARY = '/app/server';

export function planBun(facts: BunFacts, options: InitOptions): BuildPlan {
  const notes: string[] = [];
  const warnings: string[] = [];
  const flavor = options.base ?? 'distroless';

  // The entry: --cmd when it is `bun [run] <file> ...`, else what detection found.
  let entry = facts.entry;
  let entryArgs = facts.entryArgs;
  let customCmd: string[] | undefined;
  if (options.cmd) {
    const fromCmd = entryOfBunCommand(options.cmd);
    if (fromCmd) {
      entry = fromCmd.entry;
      entryArgs = fromCmd.args;
    } else customCmd = options.cmd;
  }
  if (!entry && !customCmd) {
    throw new DecisionNeeded(
      'no entry point found: looked at scripts.start (`bun run <file>`), the "module" and "main" fields of package.json, then src/index.ts, index.ts, src/index.js, index.js, src/server.ts, server.ts',
      'pass --cmd "bun src/server.ts" (or the command the container should run)',
      'package.json',
    );
  }
  if (entry && facts.entryMissing && entry === facts.entry && !facts.hasBuildScript) {
    warnings.push(`the entry ${entry} (from ${facts.entryFrom}) does not exist and there is no build script to make it`);
  }

  let mode: BunMode;
  if (customCmd) {
    mode = 'source';
    notes.push('--cmd is not `bun <file>`: the image ships the production node_modules and the source, and runs the command as given');
  } else if (facts.nativeDeps.length > 0) {
    mode = 'source';
    notes.push(`native addons (${facts.nativeDeps.join(', ')}) cannot be bundled into one file: the image ships the production node_modules and the source`);
  } else if (flavor === 'slim' || flavor === 'alpine') {
    mode = 'bundle';
  } else {
    mode = 'compile';
  }
  if (flavor === 'alpine' && facts.nativeDeps.length > 0) warnings.push(`native addons (${facts.nativeDeps.join(', ')}) on Alpine: prebuilt binaries are built for glibc; test them, or drop --base alpine`);

  const major = facts.bunMajor;
  const builder = `oven/bun:${major}`;
  const runtimeBase = mode === 'compile' ? 'gcr.io/distroless/base-debian12:nonroot' : flavor === 'alpine' ? `oven/bun:${major}-alpine` : `oven/bun:${major}-slim`;
  const frozen = facts.lockfiles.length > 0;
  if (!frozen) warnings.push('no bun.lock or bun.lockb: the install resolves versions afresh on every build; run `bun install` and commit bun.lock');
  if (facts.lockfiles.length === 1 && facts.lockfiles[0] === 'bun.lockb') notes.push('bun.lockb is the binary lockfile of Bun < 1.2; `bun install --save-text-lockfile` writes the text bun.lock that current Bun prefers');
  const install = `bun install ${frozen ? '--frozen-lockfile' : ''}`.trim();
  const manifests = ['package.json', ...facts.lockfiles, ...facts.installConfig];
  // Workspace packages' manifests live in their own folders: the install needs the whole tree.
  const manifestCopy: Step = facts.workspaces
    ? { kind: 'copy', sources: ['.'], dest: '.', comment: 'workspaces: the install reads every package.json, so the whole tree comes first' }
    : { kind: 'copy', sources: manifests, dest: './' };
  if (facts.workspaces) notes.push('workspaces: the install layer is rebuilt on every source change (each workspace package.json is needed for it)');

  const stages: Stage[] = [
    {
      name: 'deps',
      base: builder,
      comment: 'all dependencies (dev ones too: the build may need them), from the manifests and lockfile only',
      steps: [
        { kind: 'workdir', path: '/app' },
        manifestCopy,
        { kind: 'run', commands: [install], mounts: [BUN_CACHE], comment: "Bun's package cache lives in a cache mount, not in the layer" },
      ],
    },
  ];
  if (mode === 'source') {
    stages.push({
      name: 'prod-deps',
      base: builder,
      comment: 'production dependencies only: dev dependencies never reach the final stage',
      steps: [
        { kind: 'workdir', path: '/app' },
        manifestCopy,
        { kind: 'run', commands: [`${install} --production`], mounts: [BUN_CACHE] },
      ],
    });
  }
  const buildSteps: Step[] = [...(facts.workspaces ? [] : [{ kind: 'copy', sources: ['.'], dest: '.' } as Step]), { kind: 'env', vars: { NODE_ENV: 'production' } }];
  if (facts.hasBuildScript) {
    buildSteps.push({ kind: 'run', commands: ['bun run build'], comment: 'the project\'s own build script' });
    notes.push('runs the build script (`bun run build`) before bundling');
  }
  if (mode === 'compile') {
    buildSteps.push({ kind: 'run', commands: [`bun build --compile --minify --sourcemap ${entry} --outfile /out/server`], comment: 'one self-contained executable: the Bun runtime, the app and its dependencies' });
  } else if (mode === 'bundle') {
    buildSteps.push({ kind: 'run', commands: [`bun build ${entry} --target=bun --minify --sourcemap=linked --outdir /out/dist`], comment: 'one bundle with the dependencies inlined: no node_modules at run time' });
  } else {
    buildSteps.push({ kind: 'run', commands: ['rm -rf node_modules'], comment: 'the runtime takes production node_modules from prod-deps instead' });
  }
  stages.push({ name: 'build', base: 'deps', comment: mode === 'source' ? 'the source, built if there is a build script' : 'build from the source', steps: buildSteps });

  const port = options.port ?? facts.ports[0] ?? DEFAULT_PORT;
  if (options.port === undefined && facts.ports.length === 0) notes.push(`no port found in ${entry ?? 'the entry'}: EXPOSE ${DEFAULT_PORT}, Bun.serve's default (pass --port to change)`);
  const user = mode === 'compile' ? DISTROLESS_USER : BUN_IMAGE_USER;
  const bundled = entry ? `dist/${entry.split('/').pop()!.replace(/\.[^.]+$/, '')}.js` : '';
  const cmd = mode === 'compile' ? [BINARY, ...entryArgs] : mode === 'bundle' ? ['bun', bundled, ...entryArgs] : (customCmd ?? ['bun', entry!, ...entryArgs]);

  const rt: Step[] = [{ kind: 'workdir', path: '/app' }, { kind: 'env', vars: { NODE_ENV: 'production' } }];
  if (mode === 'compile') rt.push({ kind: 'copy', from: 'build', sources: ['/out/server'], dest: BINARY });
  else if (mode === 'bundle') rt.push({ kind: 'copy', from: 'build', sources: ['/out/dist'], dest: './dist' });
  else {
    rt.push({ kind: 'copy', from: 'build', sources: ['/app'], dest: './' });
    rt.push({ kind: 'copy', from: 'prod-deps', sources: ['/app/node_modules'], dest: './node_modules' });
  }
  if (mode !== 'source' && facts.hasPublicDir) {
    rt.push({ kind: 'copy', from: 'build', sources: ['/app/public'], dest: './public', comment: 'static files the app serves from disk' });
    notes.push('public/ is copied next to the app: bundles and executables do not embed files read from disk');
  }
  rt.push({ kind: 'user', user, comment: mode === 'compile' ? 'numeric non-root user (distroless "nonroot")' : 'the image\'s unprivileged "bun" user, by number' });
  rt.push({ kind: 'expose', port });
  if (mode === 'compile') {
    notes.push('no HEALTHCHECK: distroless has no shell and no curl, and the executable is the app alone; probe it from the orchestrator');
  } else {
    const probe = `fetch('http://127.0.0.1:${port}/').then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))`;
    rt.push({ kind: 'healthcheck', argv: ['bun', '-e', probe], interval: '30s', timeout: '3s', startPeriod: '5s', retries: 3, comment: 'Bun itself makes the request: the image has no curl' });
  }
  rt.push({ kind: 'entrypoint', argv: cmd });
  stages.push({
    name: 'runtime',
    base: runtimeBase,
    comment: mode === 'compile' ? 'the executable alone on glibc: no shell, no package manager' : mode === 'bundle' ? 'the Bun runtime and the bundle, nothing else' : 'the Bun runtime, production dependencies and the source',
    steps: rt,
  });

  return {
    stack: 'bun',
    packageManager: 'bun',
    facts: {
      mode,
      bunMajor: major,
      bunVersionFrom: facts.bunVersionFrom,
      lockfiles: facts.lockfiles,
      entry,
      entryFrom: options.cmd ? '--cmd' : facts.entryFrom,
      nativeDeps: facts.nativeDeps,
      devDependencies: facts.devDependencies,
      buildScript: facts.hasBuildScript,
    },
    stages,
    user,
    port,
    cmd,
    dockerignore: {
      entries: ['.git', '**/node_modules', '**/.env', '**/.env.*', '**/*.log', 'dist/', 'coverage/', '.cache/', '*.tsbuildinfo', '.idea/', '.vscode/'],
      keep: [...manifests, ...(entry && !facts.entryMissing ? [entry] : [])],
    },
    context: '.',
    warnings,
    notes,
  };
}
