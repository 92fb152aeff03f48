import type { Instruction } from '../../dockerfile/index.js';
import { callsOf, positionals, type ToolCall } from './commands.js';

export type OsPackageManager = 'apt-get' | 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper';

const APT_VALUE_OPTS = new Set(['-o', '-t', '-c', '--option', '--target-release', '--config-file']);
const YUM_VALUE_OPTS = new Set(['--enablerepo', '--disablerepo', '--setopt', '-c', '--config', '--installroot', '--releasever', '-x', '--exclude']);
const APK_VALUE_OPTS = new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--keys-dir', '--cache-dir']);
const ZYPPER_VALUE_OPTS = new Set(['-r', '--repo', '--from', '-t', '--type']);

export interface PackageInstall {
  call: ToolCall;
  sub: string;
  /** Package arguments (not options). */
  packages: string[];
}

const VALUE_OPTS: Record<OsPackageManager, ReadonlySet<string>> = {
  'apt-get': APT_VALUE_OPTS,
  apt: APT_VALUE_OPTS,
  apk: APK_VALUE_OPTS,
  yum: YUM_VALUE_OPTS,
  dnf: YUM_VALUE_OPTS,
  microdnf: YUM_VALUE_OPTS,
  zypper: ZYPPER_VALUE_OPTS,
};

/** Calls of `pm` with their subcommand and package arguments. */
export function pmCalls(instruction: Instruction, pm: OsPackageManager): PackageInstall[] {
  return callsOf(instruction, pm).map((call) => {
    const p = positionals(call.args, VALUE_OPTS[pm]);
    return { call, sub: p[0] ?? '', packages: p.slice(1) };
  });
}

const INSTALL_SUBS: Record<OsPackageManager, string[]> = {
  'apt-get': ['install'],
  apt: ['install'],
  apk: ['add'],
  yum: ['install', 'groupinstall', 'localinstall', 'reinstall'],
  dnf: ['install', 'groupinstall', 'reinstall'],
  microdnf: ['install'],
  zypper: ['install', 'in'],
};

export function installs(instruction: Instruction, pm: OsPackageManager): PackageInstall[] {
  return pmCalls(instruction, pm).filter((c) => INSTALL_SUBS[pm].includes(c.sub));
}

/** Package words that are real names (not `$PKGS` expansions or local files). */
export function namedPackages(packages: string[]): string[] {
  return packages.filter((p) => !p.startsWith('$') && !p.includes('/') && !p.endsWith('.rpm') && !p.endsWith('.deb') && p !== '');
}
