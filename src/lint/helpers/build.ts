import type { Instruction } from '../../dockerfile/index.js';
import { callsOf, positionals, toolCalls } from './commands.js';

/** A command that compiles or bundles the project (what a build stage is for). */
export function buildCommand(i: Instruction): string | undefined {
  for (const c of toolCalls(i)) {
    const p = positionals(c.args);
    const cmd = `${c.tool} ${p.slice(0, 2).join(' ')}`.trim();
    if (c.tool === 'go' && (p[0] === 'build' || p[0] === 'install')) return cmd;
    if (c.tool === 'cargo' && (p[0] === 'build' || p[0] === 'install')) return cmd;
    if (['npm', 'pnpm', 'yarn', 'bun'].includes(c.tool) && ((p[0] === 'run' && /build|compile|bundle/.test(p[1] ?? '')) || p[0] === 'build')) return cmd;
    if (['tsc', 'make', 'cmake', 'gcc', 'g++', 'mvn', 'gradle', 'javac', 'webpack', 'vite', 'esbuild', 'rollup', 'next'].includes(c.tool)) return cmd;
    if (c.tool === 'dotnet' && (p[0] === 'build' || p[0] === 'publish')) return cmd;
  }
  return undefined;
}

/** `go build` calls with whether cgo is off for them (inline `CGO_ENABLED=0` prefix). */
export function goBuilds(i: Instruction): { inlineCgo: string | undefined }[] {
  return callsOf(i, 'go')
    .filter((c) => {
      const p = positionals(c.args, new Set(['-o', '-ldflags', '-tags', '-gcflags', '-mod', '-trimpath']));
      return p[0] === 'build' || p[0] === 'install';
    })
    .map((c) => {
      const a = c.command.argv.find((w) => w.startsWith('CGO_ENABLED='));
      return { inlineCgo: a?.slice('CGO_ENABLED='.length) };
    });
}
