import type { Project } from '../../project/project.js';
import { DecisionNeeded, ExitCode, UserError } from '../../util/errors.js';
import { buildOutputDir, detectFramework, typescriptDirs, type Framework } from './framework.js';
import { lockfileMismatches, packagesWithInstallScripts, type LockedPackage } from './lockfile.js';
import { productionDependencies, readManifest, workspacePatterns, type PackageJson } from './manifest.js';
import { detectNativeModules, type NativeModules } from './native-modules.js';
import { findNodeVersionSpec, type NodeVersionSpec } from './node-version.js';
import { detectPackageManager, type PackageManagerInfo } from './package-manager.js';
import { portScanCandidates, scanPort, type PortScan } from './port.js';
import { detectStartCommand, parseNodeScript, type StartCommand } from './start-command.js';
import { expandWorkspaces, findWorkspace, workspaceDeclaration, type Workspace } from './workspace.js';

/** Everything the Node.js plan needs, read from the project once. Paths in `installFiles` are relative to the build context. */
export interface NodeFacts {
  name?: string;
  packageManager: PackageManagerInfo;
  workspace?: Workspace;
  nodeVersion?: NodeVersionSpec;
  /** The `build` script, when there is one. */
  build?: string;
  /** The folder the build writes that the runtime needs (relative to the package). */
  buildOutput?: string;
  start?: StartCommand;
  /** The start file is in the source tree (not produced by the build). */
  startInSource: boolean;
  framework?: Framework;
  port: PortScan;
  hasProductionDependencies: boolean;
  native: NativeModules;
  /** Root lifecycle scripts npm runs during install (preinstall, install, postinstall, prepare). */
  lifecycleScripts: string[];
  /** Files and folders the install needs besides the manifests (.npmrc, .yarnrc.yml, .yarn/releases, patches, ...). */
  installFiles: string[];
  installDirs: string[];
  /** Yarn 2+: the workspace-tools plugin is configured. */
  yarnWorkspaceTools: boolean;
  /** .npmrc holds a registry credential: it goes in as a build secret, never as a COPY. */
  npmrcSecret: boolean;
  /** pnpm 10+: dependencies allowed to run build scripts (onlyBuiltDependencies), when declared. */
  pnpmApprovedBuilds?: string[];
}

const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare'];

/** Files the install reads when present, at the install root. */
const INSTALL_FILES = ['.npmrc', '.yarnrc', '.yarnrc.yml', '.pnpmfile.cjs', 'pnpm-workspace.yaml'];
const INSTALL_DIRS = ['.yarn/releases', '.yarn/plugins', '.yarn/patches', 'patches'];

export function detectNode(project: Project): NodeFacts | undefined {
  const pkg = readManifest(project);
  if (!pkg) return undefined;

  const workspace = findWorkspace(project, pkg);
  const root = workspace ? project.at(workspace.rootFromPackage) : project;
  const rootPkg = workspace ? readManifest(root) : pkg;
  if (!workspace) refuseWorkspaceRootWithoutApp(project, pkg);

  const packageManager = detectPackageManager(root, rootPkg, pkg);
  checkLockfile(root, packageManager, workspace, pkg, rootPkg);

  const startScript = pkg.scripts?.start ? parseNodeScript(pkg.scripts.start) : undefined;
  const buildOutput = buildOutputDir(project, pkg, startScript?.file);
  let start = detectStartCommand(project, pkg, buildOutput);
  const framework = detectFramework(project, pkg, start !== undefined);
  if (!start && (framework?.kind === 'bundled-server' || framework?.kind === 'server-build')) {
    start = { file: framework.entry, argv: [framework.entry], source: `${framework.tool} (${framework.entry})` };
  }
  const startInSource = start !== undefined && project.hasFile(start.file);

  const lockScripts = packagesWithInstallScripts(root, packageManager.lockfile);
  const native = detectNativeModules(Object.keys(productionDependencies(pkg)), Object.keys(pkg.devDependencies ?? {}), lockScripts);

  const ts = typescriptDirs(project);
  const port = scanPort(project, portScanCandidates(start?.file, buildOutput, ts.rootDir));

  const yarnrc = root.readText('.yarnrc.yml') ?? '';
  if (packageManager.name === 'yarn-berry' && !/^\s*nodeLinker:\s*['"]?(node-modules|pnpm)\b/m.test(yarnrc)) {
    throw new DecisionNeeded(
      'this Yarn 2+ project uses Plug\'n\'Play (no `nodeLinker: node-modules` in .yarnrc.yml); stagecraft copies a node_modules folder into the runtime image',
      'add `nodeLinker: node-modules` to .yarnrc.yml and run `yarn install`, then run init again',
      'package.json',
    );
  }

  const npmrcSecret = /(_authToken|_auth|_password)\s*=/.test(root.readText('.npmrc') ?? '');

  return {
    name: pkg.name,
    packageManager,
    workspace,
    nodeVersion: findNodeVersionSpec(
      workspace
        ? [
            { project, pkg, label: '' },
            { project: root, pkg: rootPkg, label: `${workspace.rootFromPackage}/` },
          ]
        : [{ project, pkg, label: '' }],
    ),
    build: pkg.scripts?.build,
    buildOutput: framework && 'outDir' in framework ? framework.outDir : buildOutput,
    start,
    startInSource,
    framework,
    port,
    hasProductionDependencies: Object.keys(productionDependencies(pkg)).length > 0,
    native,
    lifecycleScripts: LIFECYCLE.filter((s) => rootPkg?.scripts?.[s]),
    installFiles: INSTALL_FILES.filter((f) => root.hasFile(f) && !(f === '.npmrc' && npmrcSecret)),
    installDirs: INSTALL_DIRS.filter((d) => root.hasDir(d)),
    yarnWorkspaceTools: /plugin-workspace-tools/.test(yarnrc),
    npmrcSecret,
    pnpmApprovedBuilds: packageManager.name === 'pnpm' ? approvedBuilds(root, rootPkg) : undefined,
  };
}

/** pnpm's onlyBuiltDependencies, from package.json's "pnpm" field or pnpm-workspace.yaml. */
function approvedBuilds(root: Project, rootPkg: PackageJson | undefined): string[] | undefined {
  const fromPkg = (rootPkg as { pnpm?: { onlyBuiltDependencies?: unknown } } | undefined)?.pnpm?.onlyBuiltDependencies;
  if (Array.isArray(fromPkg)) return fromPkg.filter((x): x is string => typeof x === 'string');
  const yamlText = root.readText('pnpm-workspace.yaml') ?? '';
  const m = /^onlyBuiltDependencies:\s*\n((?:\s+-\s*.+\n?)+)/m.exec(yamlText);
  return m ? m[1]!.split('\n').map((l) => l.replace(/^\s*-\s*/, '').replace(/['"]/g, '').trim()).filter(Boolean) : undefined;
}

/** init on the root of a monorepo that is not itself an app: say which packages there are. */
function refuseWorkspaceRootWithoutApp(project: Project, pkg: PackageJson): void {
  const decl = workspaceDeclaration(project);
  if (!decl || !(workspacePatterns(pkg) || decl.kind === 'pnpm')) return;
  if (pkg.scripts?.start || pkg.main || ['server.js', 'index.js'].some((f) => project.hasFile(f))) return;
  const members = expandWorkspaces(project, decl.patterns);
  if (members.length === 0) return;
  throw new DecisionNeeded(
    `this folder is a workspace root with no app of its own; its packages: ${members.join(', ')}`,
    `run init on the package to containerise, e.g. \`stagecraft init ${members[0]}\` (the build context stays the root)`,
    'package.json',
  );
}

/** A strict install fails on a lockfile out of sync with the manifests: say so now, clearly. */
function checkLockfile(root: Project, pm: PackageManagerInfo, workspace: Workspace | undefined, pkg: PackageJson, rootPkg: PackageJson | undefined): void {
  if (!pm.lockfile) return;
  const packages: LockedPackage[] = [];
  if (workspace) {
    if (rootPkg) packages.push({ dir: '.', pkg: rootPkg });
    for (const dir of workspace.members) {
      const m = dir === workspace.packageDir ? pkg : readManifest(root, dir);
      if (m) packages.push({ dir, pkg: m });
    }
  } else packages.push({ dir: '.', pkg });
  const problems = lockfileMismatches(root, pm.name, pm.lockfile, packages);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
  const fix = { npm: 'npm install', pnpm: 'pnpm install', yarn: 'yarn install', 'yarn-berry': 'yarn install' }[pm.name];
  throw new UserError(
    `${pm.lockfile} is out of sync with package.json (${shown}); the strict install in the image would fail`,
    ExitCode.refused,
    workspace ? `${workspace.rootFromPackage}/${pm.lockfile}` : pm.lockfile,
    undefined,
    `run \`${fix}\` to update the lockfile, commit it, then run init again`,
  );
}

