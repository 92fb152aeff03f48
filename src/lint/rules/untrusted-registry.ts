import { defineRule } from '../rule.js';
import { isScratch, parseImageRef, registryOf } from '../../dockerfile/index.js';

export default defineRule<{ image: string; registry: string; allowed: string[] }>({
  id: 'untrusted-registry',
  severity: 'error',
  description: 'FROM should pull only from the registries listed in `trustedRegistries` (when the list is set).',
  message: (d) => `${d.image} comes from ${d.registry}, which is not a trusted registry (${d.allowed.join(', ')})`,
  aliases: ['DL3026'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => {
    const allowed = ctx.settings.trustedRegistries.map((r) => r.toLowerCase());
    const hub = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);
    const trusted = (reg: string): boolean =>
      allowed.some((a) => a === reg || (hub.has(a) && hub.has(reg)) || (a.startsWith('*.') && reg.endsWith(a.slice(1))));
    return {
      stage(stage) {
        if (allowed.length === 0 || stage.baseStage !== undefined || stage.baseUnresolved || isScratch(stage.resolvedBase)) return;
        const registry = registryOf(parseImageRef(stage.resolvedBase)).toLowerCase();
        if (!trusted(registry)) ctx.report({ at: stage.from, data: { image: stage.resolvedBase, registry, allowed: ctx.settings.trustedRegistries } });
      },
    };
  },
});
