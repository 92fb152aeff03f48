import type { Mount, Step } from '../../plan/types.js';
import type { PackageManagerInfo } from './package-manager.js';

/** The workspace a command is scoped to: its folder (npm) and package name (pnpm, Yarn). */
export interface InstallScope {
  dir: string;
  name: string;
}

/** The pnpm store lives here, as a cache mount, so it never lands in a layer. */
export const PNPM_STORE = '/pnpm/store';

/** Newest Yarn 1 release: the line is frozen, so pinning it is safe. */
export const YARN1_VERSION = '1.22.22';

/** Corepack major for Node.js 25+, which no longer bundles it (Yarn 2+ needs it). */
export const COREPACK_VERSION = '0.36';

/** The package manager's download cache, as a BuildKit cache mount. */
export function cacheMount(pm: PackageManagerInfo): Mount {
  switch (pm.name) {
    case 'npm':
      return { type: 'cache', target: '/root/.npm' };
    case 'pnpm':
      return { type: 'cache', id: 'pnpm-store', target: PNPM_STORE };
    case 'yarn':
      // Yarn 1's cache is not safe for concurrent writers: one build at a time.
      return { type: 'cache', target: '/usr/local/share/.cache/yarn', sharing: 'locked' };
    case 'yarn-berry':
      return { type: 'cache', target: '/root/.yarn/berry/cache' };
  }
}

const NPM_CACHE: Mount = { type: 'cache', target: '/root/.npm' };

/**
 * Steps that make the package manager available in a node image. npm ships with it. pnpm and
 * Yarn 1 are installed with npm at the pinned version: that works with or without Corepack (which
 * Node.js 25+ no longer bundles) and needs no signature check. Yarn 2+ goes through Corepack, which
 * reads the `packageManager` field (or the checked-in `.yarn/releases` file).
 */
export function packageManagerSetup(pm: PackageManagerInfo, nodeMajor: number): Step[] {
  switch (pm.name) {
    case 'npm':
      return [];
    case 'pnpm': {
      const version = pm.version ?? '9';
      return [
        {
          kind: 'run',
          commands: [`npm install -g pnpm@${version}`],
          mounts: [NPM_CACHE],
          comment: pm.source === 'packageManager' ? `pnpm ${version}, the exact version packageManager pins, so pnpm does not switch itself` : `pnpm ${version}, the major that writes this lockfile format`,
        },
      ];
    }
    case 'yarn':
      return [
        {
          kind: 'run',
          commands: [`npm install -g --force yarn@${pm.version ?? YARN1_VERSION}`],
          mounts: [NPM_CACHE],
          comment: '--force: the upstream node images already carry a Yarn 1 of their own',
        },
      ];
    case 'yarn-berry':
      return [
        {
          kind: 'run',
          commands: nodeMajor >= 25 ? [`npm install -g corepack@${COREPACK_VERSION}`, 'corepack enable'] : ['corepack enable'],
          mounts: nodeMajor >= 25 ? [NPM_CACHE] : undefined,
          comment: 'Corepack provides the Yarn version that packageManager or .yarn/releases names',
        },
      ];
  }
}

/** Yarn 4 has `workspaces focus` built in; Yarn 2 and 3 need the workspace-tools plugin. */
function berryFocus(pm: PackageManagerInfo, hasWorkspaceTools: boolean, scope: InstallScope | undefined): string {
  const major = Number((pm.version ?? '4').split('.')[0]);
  const focus = `yarn workspaces focus ${scope ? scope.name : '--all'} --production`;
  return major >= 4 || hasWorkspaceTools ? focus : `yarn plugin import workspace-tools && ${focus}`;
}

/** The production-only install (no dev dependencies), strict when there is a lockfile. */
export function productionInstall(pm: PackageManagerInfo, scope: InstallScope | undefined, hasWorkspaceTools = false): string {
  const locked = pm.lockfile !== undefined;
  switch (pm.name) {
    case 'npm':
      return `${locked ? 'npm ci' : 'npm install'} --omit=dev${scope ? ` --workspace ${scope.dir}` : ''}`;
    case 'pnpm':
      return `pnpm install${locked ? ' --frozen-lockfile' : ''} --prod --store-dir ${PNPM_STORE}${scope ? ` --filter ${scope.name}...` : ''}`;
    case 'yarn':
      return `yarn install${locked ? ' --frozen-lockfile' : ''} --production --non-interactive`;
    case 'yarn-berry':
      return berryFocus(pm, hasWorkspaceTools, scope);
  }
}

/** The full install the build stage needs (dev dependencies included). */
export function fullInstall(pm: PackageManagerInfo, scope: InstallScope | undefined): string {
  const locked = pm.lockfile !== undefined;
  switch (pm.name) {
    case 'npm':
      return `${locked ? 'npm ci' : 'npm install'}${scope ? ` --workspace ${scope.dir}` : ''}`;
    case 'pnpm':
      return `pnpm install${locked ? ' --frozen-lockfile' : ''} --store-dir ${PNPM_STORE}${scope ? ` --filter ${scope.name}...` : ''}`;
    case 'yarn':
      return `yarn install${locked ? ' --frozen-lockfile' : ''} --non-interactive`;
    case 'yarn-berry':
      return locked ? 'yarn install --immutable' : 'yarn install';
  }
}

/** Runs a package.json script (the build) with the package manager, scoped to the workspace. */
export function runScript(pm: PackageManagerInfo, script: string, scope: InstallScope | undefined): string {
  switch (pm.name) {
    case 'npm':
      return `npm run ${script}${scope ? ` --workspace ${scope.dir}` : ''}`;
    case 'pnpm':
      return scope ? `pnpm --filter ${scope.name} run ${script}` : `pnpm run ${script}`;
    case 'yarn':
    case 'yarn-berry':
      return scope ? `yarn workspace ${scope.name} run ${script}` : `yarn run ${script}`;
  }
}
