import { posix } from 'node:path';
import type { BuildPlan, InitOptions, Mount, Stage, Step } from '../../plan/types.js';
import { DecisionNeeded } from '../../util/errors.js';
import type { NodeFacts } from './detect.js';
import { cacheMount, fullInstall, packageManagerSetup, productionInstall, runScript, type InstallScope } from './install-commands.js';
import { hasNativeModules } from './native-modules.js';
import { LTS_MAJORS, chooseNodeVersion } from './node-version.js';
import { START_LOOKED_FOR } from './start-command.js';

/** Distroless publishes Node.js images for the even (LTS) majors from 18 on. */
function distrolessHasMajor(major: number): boolean {
  return major >= 18 && major % 2 === 0;
}

/** Pinned web server for static sites: unprivileged (uid 101, port 8080), Debian (glibc) variant. */
export const NGINX_UNPRIVILEGED = 'nginxinc/nginx-unprivileged:1.28';

const APP = '/app';

interface Runtime {
  base: string;
  user: string;
  /** The node binary's path in the runtime image (distroless has no PATH lookup for a shell). */
  node: string;
  /** The image's ENTRYPOINT is node, so CMD holds only node's arguments. */
  nodeEntrypoint: boolean;
  flavor: 'distroless' | 'slim' | 'alpine';
}

function runtimeFor(major: number, base: InitOptions['base'], notes: string[]): Runtime {
  if (base === 'alpine') return { base: `node:${major}-alpine`, user: '1000:1000', node: 'node', nodeEntrypoint: false, flavor: 'alpine' };
  if (base === 'slim' || !distrolessHasMajor(major)) {
    if (base !== 'slim') notes.push(`distroless publishes no Node.js ${major} image (only even majors from 18): the runtime is node:${major}-bookworm-slim`);
    return { base: `node:${major}-bookworm-slim`, user: '1000:1000', node: 'node', nodeEntrypoint: false, flavor: 'slim' };
  }
  return { base: `gcr.io/distroless/nodejs${major}-debian12:nonroot`, user: '65532:65532', node: '/nodejs/bin/node', nodeEntrypoint: true, flavor: 'distroless' };
}

/**
 * The Node.js build plan: `deps` (production dependencies from the manifests and lockfile only),
 * `build` when there is a build script (full install, source, build), and a runtime stage holding
 * only what runs. Pure: facts and options in, plan out.
 */
export function planNode(facts: NodeFacts, options: InitOptions): BuildPlan {
  const warnings: string[] = [];
  const notes: string[] = [];
  const version = chooseNodeVersion(facts.nodeVersion, options.nodeVersion, options.hostNodeMajor);
  const major = version.major;
  notes.push(`Node.js ${major}: from ${version.source}${version.spec && version.spec !== String(major) ? ` ("${version.spec}")` : ''}`);
  // The images are Debian 12 (bookworm) based: Node.js before 16 never had one, and a major past the
  // newest release does not exist yet; either way the FROM would not resolve.
  if (major < 16) warnings.push(`Node.js ${major} is end-of-life and has no bookworm image (node:${major}-bookworm-slim does not exist): the build cannot pull its base; pass --node-version 20 or newer`);
  else if (major > LTS_MAJORS[0] + 1) warnings.push(`Node.js ${major} is newer than any release stagecraft knows (the newest LTS is ${LTS_MAJORS[0]}): node:${major} images may not exist`);

  const pm = facts.packageManager;
  const ws = facts.workspace;
  const pkgDir = ws?.packageDir ?? '.';
  const inPkg = (p: string) => (pkgDir === '.' ? p : `${pkgDir}/${p}`);
  const scope: InstallScope | undefined = ws ? { dir: ws.packageDir, name: facts.name ?? ws.packageDir } : undefined;
  const framework = facts.framework;
  const isStatic = framework?.kind === 'static';
  const isNextStandalone = framework?.kind === 'next-standalone';

  const native = hasNativeModules(facts.native);
  if (options.base === 'alpine' && native) {
    const names = [...facts.native.production, ...facts.native.buildOnly];
    warnings.push(`native modules (${names.join(', ')}) on Alpine: they are built for musl from source or fail when no musl binary exists; the default glibc base (distroless or --base slim) avoids this`);
  }
  if (facts.native.production.some((n) => n === 'prisma' || n === '@prisma/client')) {
    warnings.push('Prisma: the client is generated from prisma/schema.prisma; run `prisma generate` in the build (the deps stage sees only the manifests)');
  }
  if (!pm.lockfile) {
    warnings.push(`no lockfile: the image installs whatever versions resolve at build time (${pm.name === 'npm' ? '`npm install`, not `npm ci`' : 'not a frozen install'}); commit one for reproducible builds`);
  }

  const alpine = options.base === 'alpine';
  const toolchainBase = (needsToolchain: boolean) => (alpine ? `node:${major}-alpine` : needsToolchain ? `node:${major}-bookworm` : `node:${major}-bookworm-slim`);
  const alpineToolchain: Step[] = alpine && native ? [{ kind: 'run', commands: ['apk add --no-cache python3 make g++'], comment: 'native modules compile from source on musl' }] : [];

  const manifestSteps = manifestCopies(facts);
  const setup = packageManagerSetup(pm, major);
  // A credential in .npmrc is mounted as a build secret for the install only: it never lands in a layer.
  const secret: Mount[] = facts.npmrcSecret ? [{ type: 'secret', id: 'npmrc', target: `${APP}/.npmrc` }] : [];
  const installMounts: Mount[] = [cacheMount(pm), ...secret];
  if (facts.npmrcSecret) {
    notes.push('.npmrc holds a registry credential: it is passed as a build secret, not copied; build with `--secret id=npmrc,src=.npmrc`');
  }
  const majorPm = Number((pm.version ?? '0').split('.')[0]);
  if (pm.name === 'pnpm' && majorPm >= 10) {
    const unapproved = facts.native.production.filter((n) => !(facts.pnpmApprovedBuilds ?? []).includes(n));
    if (unapproved.length > 0) {
      warnings.push(`pnpm ${majorPm} skips dependency build scripts unless approved: add ${unapproved.join(', ')} to onlyBuiltDependencies (package.json "pnpm" field or pnpm-workspace.yaml), or the native parts will be missing`);
    }
  }
  const dropPrepare: Step[] = facts.lifecycleScripts.includes('prepare')
    ? [{ kind: 'run', commands: ['npm pkg delete scripts.prepare'], comment: 'the prepare script is a development hook (husky, a build) that needs files this stage does not have' }]
    : [];
  if (facts.lifecycleScripts.some((s) => s !== 'prepare')) {
    notes.push(`package.json has ${facts.lifecycleScripts.filter((s) => s !== 'prepare').join(', ')}: the install runs it with only the manifests present`);
  }

  const stages: Stage[] = [];
  // Both install stages start alike: working folder, toolchain, package manager, manifests only.
  const installPreamble: Step[] = [{ kind: 'workdir', path: APP }, ...alpineToolchain, ...setup, ...manifestSteps, ...dropPrepare];
  const isBundled = framework?.kind === 'bundled-server';
  const needsDeps = facts.hasProductionDependencies && !isStatic && !isNextStandalone && !isBundled;
  if (needsDeps) {
    stages.push({
      name: 'deps',
      base: toolchainBase(facts.native.production.length > 0),
      comment: 'production dependencies only, from the manifests and lockfile: this layer is reused until they change',
      steps: [
        ...installPreamble,
        { kind: 'run', commands: [productionInstall(pm, scope, facts.yarnWorkspaceTools)], mounts: installMounts, comment: 'the package cache is a cache mount: reused across builds, never in a layer' },
      ],
    });
  }

  const buildScript = facts.build !== undefined && (facts.buildOutput !== undefined || isNextStandalone || framework?.kind === 'next');
  if (facts.build !== undefined && !buildScript) {
    warnings.push('there is a build script but stagecraft cannot tell which folder it writes (no tsconfig outDir, no known bundler, no start file under an output folder), so the image does not run it and ships the source; set outDir in tsconfig.json or start the built file from the "start" script');
  }
  if (buildScript) {
    const nextCache = isNextStandalone || framework?.kind === 'next' ? [{ type: 'cache' as const, target: `${APP}/${inPkg('.next/cache')}` }] : [];
    stages.push({
      name: 'build',
      base: toolchainBase(native),
      comment: 'full install (dev dependencies too) and the build; nothing of this stage ships but its output',
      steps: [
        ...installPreamble,
        { kind: 'run', commands: [fullInstall(pm, scope)], mounts: installMounts },
        { kind: 'copy', sources: ['.'], dest: './', comment: 'the source comes after the install, so a source edit reuses the install layer' },
        { kind: 'run', commands: [runScript(pm, 'build', scope)], mounts: nextCache.length ? nextCache : undefined, comment: nextCache.length ? 'the Next.js build cache survives between builds as a cache mount' : undefined },
      ],
    });
  }

  if (isStatic) return planStatic(facts, options, stages, notes, warnings, pkgDir, major, version.source);

  const runtime = runtimeFor(major, options.base, notes);
  const steps: Step[] = [{ kind: 'workdir', path: APP }];
  const port = resolvePort(facts, options, notes);
  const env: Record<string, string> = { NODE_ENV: 'production', PORT: String(port.value) };
  if (isNextStandalone || framework?.kind === 'next') {
    // Next's standalone server binds to $HOSTNAME, which Docker sets to the container id.
    env.HOSTNAME = '0.0.0.0';
    env.NEXT_TELEMETRY_DISABLED = '1';
  }
  steps.push({ kind: 'env', vars: env, comment: 'PORT: apps that read it listen where EXPOSE and the health check expect' });

  let argv: string[];
  const workdir = ws ? `${APP}/${ws.packageDir}` : APP;
  if (isNextStandalone) {
    const chown = runtime.user;
    steps.push(
      { kind: 'copy', from: 'build', sources: [`${APP}/${inPkg('.next/standalone')}`], dest: './', chown, comment: 'standalone output: server.js and the traced node_modules it needs; owned by the app user because Next writes its cache under .next at run time' },
      { kind: 'copy', from: 'build', sources: [`${APP}/${inPkg('.next/static')}`], dest: `./${inPkg('.next/static')}/`, chown },
    );
    if (framework.hasPublic) steps.push({ kind: 'copy', sources: [inPkg('public')], dest: `./${inPkg('public')}/` });
    argv = ['server.js'];
  } else if (isBundled) {
    steps.push({ kind: 'copy', from: 'build', sources: [`${APP}/${inPkg(framework.outDir)}`], dest: `./${inPkg(framework.outDir)}/`, comment: `${framework.tool} bundles the server and the dependencies it needs into ${framework.outDir}: nothing else ships` });
    argv = startArgv(facts, options);
  } else {
    if (needsDeps) {
      steps.push(
        ws
          ? { kind: 'copy', from: 'deps', sources: [`${APP}/`], dest: './', comment: 'production node_modules at every level of the workspace, with the manifests' }
          : { kind: 'copy', from: 'deps', sources: [`${APP}/node_modules`], dest: './node_modules/' },
      );
    }
    for (const dir of ws?.localDependencies ?? []) {
      steps.push({ kind: 'copy', sources: [dir], dest: `./${dir}/`, comment: 'a workspace package the app depends on (node_modules links to it)' });
    }
    if (framework?.kind === 'next') {
      const chown = runtime.user;
      steps.push({ kind: 'copy', sources: [inPkg('package.json'), ...(framework.config ? [inPkg(framework.config)] : [])], dest: `./${pkgDir === '.' ? '' : `${pkgDir}/`}` });
      steps.push({ kind: 'copy', from: 'build', sources: [`${APP}/${inPkg('.next')}`], dest: `./${inPkg('.next')}/`, chown, comment: 'owned by the app user: next start writes its cache under .next' });
      if (framework.hasPublic) steps.push({ kind: 'copy', sources: [inPkg('public')], dest: `./${inPkg('public')}/` });
      notes.push("Next.js without output: 'standalone' ships the full production node_modules; set output: 'standalone' in the Next config for an image about a third the size");
      argv = ['node_modules/next/dist/bin/next', 'start'];
      if (ws) argv = [posix.relative(ws.packageDir, 'node_modules/next/dist/bin/next'), 'start'];
    } else {
      if (buildScript && facts.buildOutput && !facts.startInSource) {
        steps.push({ kind: 'copy', sources: [inPkg('package.json')], dest: `./${pkgDir === '.' ? '' : `${pkgDir}/`}`, comment: 'package.json: node reads "type" and "imports" from it' });
        steps.push({ kind: 'copy', from: 'build', sources: [`${APP}/${inPkg(facts.buildOutput)}`], dest: `./${inPkg(facts.buildOutput)}/`, comment: 'the build output only: no TypeScript source, no dev dependencies' });
      } else {
        steps.push({ kind: 'copy', sources: [pkgDir === '.' ? '.' : pkgDir], dest: pkgDir === '.' ? './' : `./${pkgDir}/`, comment: 'the source (.dockerignore keeps node_modules, tests, .env and .git out)' });
        if (buildScript && facts.buildOutput) steps.push({ kind: 'copy', from: 'build', sources: [`${APP}/${inPkg(facts.buildOutput)}`], dest: `./${inPkg(facts.buildOutput)}/` });
      }
      argv = startArgv(facts, options);
    }
  }
  if (workdir !== APP) steps.push({ kind: 'workdir', path: workdir });

  steps.push({ kind: 'user', user: runtime.user, comment: runtime.flavor === 'distroless' ? 'nonroot (65532) of the distroless image' : 'the image\'s unprivileged node user' });
  steps.push({ kind: 'expose', port: port.value });
  if (port.confident) {
    steps.push({
      kind: 'healthcheck',
      argv: [runtime.node, '-e', `fetch('http://127.0.0.1:${port.value}/').then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))`],
      interval: '30s',
      timeout: '5s',
      startPeriod: '10s',
      retries: 3,
      comment: 'node itself does the check: the image has no curl',
    });
  } else {
    notes.push(`no HEALTHCHECK: the port (${port.value}) is a guess; pass --port to get one`);
  }

  const cmd = commandSteps(argv, options, runtime, warnings);
  steps.push(...cmd.steps);

  stages.push({
    name: 'runtime',
    base: runtime.base,
    comment: runtime.flavor === 'distroless' ? 'distroless: node and glibc, no shell, no package manager; runs as nonroot' : `node:${major} ${runtime.flavor}: only what runs, as the unprivileged node user`,
    steps,
  });

  if (ws) {
    notes.push(`workspace package ${ws.packageDir}: the build context is the workspace root; build with \`docker build -f ${ws.packageDir}/Dockerfile .\` from ${ws.rootFromPackage}`);
    if (pm.name === 'yarn') notes.push('Yarn 1 cannot install one workspace alone: the deps stage installs the production dependencies of every workspace');
    if (ws.localDependencies.length > 0 && buildScript) notes.push('workspace dependencies are copied as source; if they need building, build them in the build stage');
  }

  return {
    stack: 'node',
    packageManager: pm.name,
    facts: nodeFactsSummary(facts, major, version.source),
    stages,
    user: runtime.user,
    port: port.value,
    cmd: cmd.full,
    dockerignore: dockerignoreFor(facts, buildScript),
    context: ws?.rootFromPackage ?? '.',
    warnings,
    notes,
  };
}

function resolvePort(facts: NodeFacts, options: InitOptions, notes: string[]): { value: number; confident: boolean } {
  if (options.port) return { value: options.port, confident: true };
  if (facts.port.port) return { value: facts.port.port, confident: true };
  // Next.js, Nuxt (Nitro) and SvelteKit's node adapter listen on $PORT, 3000 by default.
  const kind = facts.framework?.kind;
  if (kind === 'next' || kind === 'next-standalone' || kind === 'bundled-server' || kind === 'server-build') return { value: 3000, confident: true };
  if (facts.port.readsPortEnv) return { value: 3000, confident: true };
  notes.push('port 3000 assumed: no listen(<port>) or PORT fallback found in the start file; pass --port to set it');
  return { value: 3000, confident: false };
}

/** node's arguments (flags, file, args): from --cmd, or the detected start command. */
function startArgv(facts: NodeFacts, options: InitOptions): string[] {
  if (options.cmd) return options.cmd;
  if (!facts.start) {
    throw new DecisionNeeded(`cannot tell how to start the app: looked for ${START_LOOKED_FOR}`, 'pass --cmd, e.g. --cmd "node dist/server.js"', 'package.json');
  }
  return facts.start.argv;
}

const NODE_NAMES = /^(node|\/usr\/local\/bin\/node|\/usr\/bin\/node|\/nodejs\/bin\/node)$/;

/**
 * CMD (and ENTRYPOINT when needed) in exec form. On distroless the image's ENTRYPOINT is node, so
 * CMD carries node's arguments; a --cmd that is not node replaces the ENTRYPOINT.
 */
function commandSteps(argv: string[], options: InitOptions, runtime: Runtime, warnings: string[]): { steps: Step[]; full: string[] } {
  const fromFlag = options.cmd !== undefined;
  let nodeArgs: string[] | undefined = fromFlag ? (NODE_NAMES.test(options.cmd![0]!) ? options.cmd!.slice(1) : undefined) : argv;
  if (fromFlag && nodeArgs === undefined) {
    const tool = options.cmd![0]!;
    if (/^(npm|npx|yarn|pnpm)$/.test(tool)) {
      warnings.push(`--cmd runs ${tool}: ${runtime.flavor === 'distroless' ? 'the distroless image has no package manager, so this cannot start' : 'signals reach the package manager, not the app, and it must be in the image'}`);
    }
    if (runtime.flavor === 'distroless') {
      return { steps: [{ kind: 'entrypoint', argv: options.cmd!, comment: 'replaces the image\'s node ENTRYPOINT; distroless has no shell' }, { kind: 'cmd', argv: [] }], full: options.cmd! };
    }
    return { steps: [{ kind: 'cmd', argv: options.cmd! }], full: options.cmd! };
  }
  nodeArgs = nodeArgs!;
  if (runtime.nodeEntrypoint) {
    return { steps: [{ kind: 'cmd', argv: nodeArgs, comment: 'the distroless ENTRYPOINT is /nodejs/bin/node: CMD holds its arguments, and node gets the signals (PID 1)' }], full: [runtime.node, ...nodeArgs] };
  }
  return { steps: [{ kind: 'cmd', argv: ['node', ...nodeArgs], comment: 'node directly, not npm start: signals reach the app' }], full: ['node', ...nodeArgs] };
}

function planStatic(facts: NodeFacts, options: InitOptions, stages: Stage[], notes: string[], warnings: string[], pkgDir: string, major: number, versionSource: string): BuildPlan {
  const fw = facts.framework as Extract<NonNullable<NodeFacts['framework']>, { kind: 'static' }>;
  const base = options.base === 'alpine' ? `${NGINX_UNPRIVILEGED}-alpine` : NGINX_UNPRIVILEGED;
  const out = pkgDir === '.' ? fw.outDir : `${pkgDir}/${fw.outDir}`;
  const port = options.port ?? 8080;
  if (options.port && options.port !== 8080) warnings.push(`--port ${options.port}: nginx-unprivileged listens on 8080 unless its configuration is changed`);
  if (options.cmd) warnings.push('--cmd is ignored for a static site: nginx serves it');
  if (options.base === 'slim' || options.base === 'distroless') notes.push(`--base ${options.base} does not apply to a static site: an unprivileged nginx serves it`);
  notes.push(`static site (${fw.tool}): ${fw.outDir} is served by ${base} on ${port}; for single-page-app routing add an nginx config with try_files $uri /index.html`);
  notes.push('no HEALTHCHECK: the nginx image is not guaranteed to have an HTTP client');
  stages.push({
    name: 'runtime',
    base,
    comment: 'the built files only, served by nginx running as an unprivileged user',
    steps: [
      { kind: 'copy', from: 'build', sources: [`${APP}/${out}/`], dest: '/usr/share/nginx/html/' },
      { kind: 'user', user: '101:101', comment: 'the nginx user of the unprivileged image' },
      { kind: 'expose', port: 8080 },
      { kind: 'cmd', argv: ['nginx', '-g', 'daemon off;'] },
    ],
  });
  return {
    stack: 'node',
    packageManager: facts.packageManager.name,
    facts: nodeFactsSummary(facts, major, versionSource),
    stages,
    user: '101:101',
    port: 8080,
    cmd: ['nginx', '-g', 'daemon off;'],
    dockerignore: dockerignoreFor(facts, true),
    context: facts.workspace?.rootFromPackage ?? '.',
    warnings,
    notes,
  };
}

/** COPY steps for everything the install reads: manifests, lockfile, package-manager config. */
function manifestCopies(facts: NodeFacts): Step[] {
  const pm = facts.packageManager;
  const rootFiles = ['package.json', ...(pm.lockfile ? [pm.lockfile] : []), ...facts.installFiles];
  const steps: Step[] = [{ kind: 'copy', sources: rootFiles, dest: './', comment: 'manifests and lockfile first: the install layer is reused while only the source changes' }];
  for (const dir of facts.installDirs) steps.push({ kind: 'copy', sources: [dir], dest: `./${dir}/` });
  for (const member of facts.workspace?.members ?? []) {
    steps.push({ kind: 'copy', sources: [`${member}/package.json`], dest: `./${member}/` });
  }
  return steps;
}

/** The build context's exclusions for Node.js, and the paths COPY names (never excluded). */
function dockerignoreFor(facts: NodeFacts, hasBuild: boolean): { entries: string[]; keep: string[] } {
  const pkgDir = facts.workspace?.packageDir ?? '.';
  const inPkg = (p: string) => (pkgDir === '.' ? p : `${pkgDir}/${p}`);
  const entries = [
    '.git',
    '**/node_modules',
    '**/.env',
    '**/.env.*',
    '**/*.log',
    '**/.DS_Store',
    '**/Dockerfile*',
    '**/.dockerignore',
    '**/docker-compose*',
    '**/compose.y*ml',
    '.vscode',
    '.idea',
    '.github',
    '**/coverage',
    '**/.nyc_output',
    '**/.turbo',
    '**/.cache',
    '**/.parcel-cache',
    '**/.next',
    '**/.nuxt',
    '**/.svelte-kit',
    '**/*.test.*',
    '**/*.spec.*',
    '**/__tests__',
    '.yarn/cache',
    '.yarn/install-state.gz',
    '.pnpm-store',
    ...(facts.npmrcSecret ? ['**/.npmrc'] : []),
  ];
  // Build outputs are rebuilt in the image; but a committed output with no build step is the app.
  const startTop = facts.start?.file.split('/')[0];
  for (const out of new Set(['dist', 'build', 'out', ...(facts.buildOutput ? [facts.buildOutput] : [])])) {
    if (!hasBuild && startTop === out) continue;
    entries.push(inPkg(out));
  }
  const pm = facts.packageManager;
  const keep = ['package.json', ...(pm.lockfile ? [pm.lockfile] : []), ...facts.installFiles, ...facts.installDirs];
  for (const member of facts.workspace?.members ?? []) keep.push(`${member}/package.json`);
  for (const dir of facts.workspace?.localDependencies ?? []) keep.push(dir);
  if (facts.workspace) keep.push(facts.workspace.packageDir);
  if (facts.framework && 'hasPublic' in facts.framework && facts.framework.hasPublic) keep.push(inPkg('public'));
  if (facts.framework && 'config' in facts.framework && facts.framework.config) keep.push(inPkg(facts.framework.config));
  return { entries, keep: [...new Set(keep)] };
}

/** What detection found, for --json. */
function nodeFactsSummary(facts: NodeFacts, major: number, versionSource: string): Record<string, unknown> {
  return {
    nodeVersion: major,
    nodeVersionSource: versionSource,
    ...(facts.nodeVersion ? { nodeVersionSpec: facts.nodeVersion.spec } : {}),
    packageManagerVersion: facts.packageManager.version ?? null,
    packageManagerSource: facts.packageManager.source,
    lockfile: facts.packageManager.lockfile ?? null,
    buildScript: facts.build ?? null,
    buildOutput: facts.buildOutput ?? null,
    start: facts.start ? { file: facts.start.file, source: facts.start.source } : null,
    framework: facts.framework?.kind ?? null,
    nativeModules: [...facts.native.production, ...facts.native.buildOnly],
    workspace: facts.workspace ? { root: facts.workspace.rootFromPackage, package: facts.workspace.packageDir, localDependencies: facts.workspace.localDependencies } : null,
    portSource: facts.port.file ?? null,
  };
}
