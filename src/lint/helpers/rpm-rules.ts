// yum, dnf and zypper share their hygiene rules; each rule file instantiates one of these.
import { defineRule, type Rule } from '../rule.js';
import { hasCacheMount, hasOption, removes } from './commands.js';
import { installs, namedPackages, pmCalls, type OsPackageManager } from './packages.js';

type Pm = Extract<OsPackageManager, 'yum' | 'dnf' | 'zypper'>;
const TOOLS: Record<Pm, OsPackageManager[]> = { yum: ['yum'], dnf: ['dnf', 'microdnf'], zypper: ['zypper'] };
const CACHE: Record<Pm, string> = { yum: '/var/cache/yum', dnf: '/var/cache/dnf', zypper: '/var/cache/zypp' };
const CLEAN: Record<Pm, string> = { yum: 'yum clean all', dnf: 'dnf clean all', zypper: 'zypper clean' };

export function yesRule(pm: Pm, id: string, aliases: string[]): Rule<{ tool: string; sub: string }> {
  return defineRule<{ tool: string; sub: string }>({
    id,
    severity: 'warning',
    description: `\`${pm} install\` needs ${pm === 'zypper' ? '-n (non-interactive) or -y' : '-y'}: a build cannot answer the prompt.`,
    message: (d) => `${d.tool} ${d.sub} without ${pm === 'zypper' ? '-n/-y' : '-y'}: the build cannot answer the confirmation prompt`,
    aliases,
    scope: 'all',
    preset: 'recommended',
    create: (ctx) => ({
      RUN(i) {
        for (const tool of TOOLS[pm]) {
          if (tool === 'microdnf') continue; // microdnf never prompts
          for (const c of pmCalls(i, tool)) {
            if (!['install', 'in', 'groupinstall', 'localinstall', 'remove', 'rm', 'update', 'up', 'upgrade', 'reinstall', 'patch', 'dist-upgrade', 'dup'].includes(c.sub)) continue;
            const ok = pm === 'zypper' ? hasOption(c.call.args, '-n', '--non-interactive', '-y', '--no-confirm') : hasOption(c.call.args, '-y', '--assumeyes');
            if (!ok) return ctx.report({ at: i, data: { tool, sub: c.sub } });
          }
        }
      },
    }),
  });
}

export function cleanRule(pm: Pm, id: string, aliases: string[]): Rule<{ tool: string }> {
  return defineRule<{ tool: string }>({
    id,
    severity: 'warning',
    description: `A RUN that installs with ${pm} in a shipped stage should end with \`${CLEAN[pm]}\` (or use a cache mount at ${CACHE[pm]}).`,
    message: (d) => `${d.tool} install leaves its cache in the layer: add \`&& ${CLEAN[pm]}\` to this RUN, or mount a cache at ${CACHE[pm]}`,
    aliases,
    scope: 'final',
    preset: 'recommended',
    create: (ctx) => ({
      RUN(i) {
        for (const tool of TOOLS[pm]) {
          if (installs(i, tool).length === 0) continue;
          const calls = pmCalls(i, tool);
          const cleaned = calls.some((c) => c.sub === 'clean' && (pm === 'zypper' || c.packages.includes('all') || c.packages.includes('packages') || c.packages.includes('metadata')));
          if (cleaned || hasCacheMount(i, CACHE[pm], '/var/cache/yum', '/var/cache/dnf', '/var/cache/zypp', '/var/cache/libdnf5') || removes(i, new RegExp(`^${CACHE[pm].replace(/\//g, '\\/')}`))) continue;
          return ctx.report({ at: i, data: { tool } });
        }
      },
    }),
  });
}

export function pinRule(pm: Pm, id: string, aliases: string[]): Rule<{ packages: string[] }> {
  const example = pm === 'zypper' ? 'curl=8.6.0 or curl>=8' : 'curl-8.6.0';
  return defineRule<{ packages: string[] }>({
    id,
    severity: 'info',
    description: `Calls of ${pm} install should pin package versions (${example}) so rebuilds install the same packages.`,
    message: (d) => `pin versions in ${pm} install: ${d.packages.join(', ')} (${example})`,
    aliases,
    scope: 'all',
    preset: 'strict',
    create: (ctx) => ({
      RUN(i) {
        const unpinned = TOOLS[pm].flatMap((t) => installs(i, t)).flatMap((c) => namedPackages(c.packages).filter((p) => (pm === 'zypper' ? !/[=<>]/.test(p) : !/-\d/.test(p)) && !p.startsWith('@')));
        if (unpinned.length > 0) ctx.report({ at: i, data: { packages: unpinned } });
      },
    }),
  });
}
