import type { BuildPlan, Stage, Step } from '../plan/types.js';

/**
 * The single-stage baseline people write first: the toolchain image, `COPY . .`, install, build,
 * the same command. Derived from the init plan, so it installs and builds the project the way the
 * generated Dockerfile does (same package manager, same install and build commands), only without
 * stages, cache mounts, pruning or a small runtime base.
 */

/** Flags that keep dev dependencies out: a naive build installs everything. */
const prodOnlyFlags = /\s+(--omit=dev|--omit dev|--only=production|--prod(uction)?(=true)?|--no-dev|--without dev|--without-dev)\b/g;
/** Steps a naive build does not have: pruning and clean-ups that only make sense before a COPY to a runtime stage. */
const cleanupPattern = /^(npm prune|pnpm prune|rm -rf|find .* -delete|yarn cache clean|bun pm cache rm)/;

/** The toolchain image for a stack, from the version the plan's build stage uses. */
export function toolchainImage(plan: BuildPlan): string {
  const bases = plan.stages.map((s) => s.base);
  const versionFrom = (re: RegExp): string | undefined => bases.map((b) => re.exec(b)?.[1]).find(Boolean);
  switch (plan.stack) {
    case 'node': {
      const major = versionFrom(/^node:(\d+)/) ?? String((plan.facts.nodeMajor as number | undefined) ?? (plan.facts.nodeVersion as string | undefined) ?? '20').split('.')[0];
      return `node:${major}`;
    }
    case 'bun':
      return 'oven/bun:1';
    case 'go':
      return `golang:${versionFrom(/^golang:(\d+\.\d+(?:\.\d+)?)/) ?? (plan.facts.goVersion as string | undefined) ?? '1.23'}`;
    case 'python':
      return `python:${versionFrom(/^python:(\d+\.\d+)/) ?? (plan.facts.pythonVersion as string | undefined) ?? '3.12'}`;
  }
}

function runCommands(stage: Stage): string[] {
  return stage.steps.filter((s): s is Extract<Step, { kind: 'run' }> => s.kind === 'run').map((s) => s.commands.join(' && '));
}

/** Splits `a && b && c` so that clean-up parts can be dropped; keeps the order. */
function parts(command: string): string[] {
  return command.split(/\s+&&\s+/).map((p) => p.trim()).filter(Boolean);
}

function quoteJson(argv: string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

/**
 * The command the baseline runs: the plan's, with paths that only exist in the runtime stage
 * mapped back to where the build stage made them (`COPY --from=build /out/app /app/app`), and the
 * distroless node path turned into plain `node`.
 */
export function naiveCommand(plan: BuildPlan): string[] {
  const final = plan.stages[plan.stages.length - 1]!;
  const copies = final.steps.filter((s): s is Extract<Step, { kind: 'copy' }> => s.kind === 'copy' && !!s.from);
  const argv = [...plan.cmd];
  if (argv.length === 0) return argv;
  let first = argv[0]!;
  if (/\/nodejs\/bin\/node$/.test(first)) first = 'node';
  for (const c of copies) {
    if (c.sources.length === 1 && c.dest === first && c.sources[0]!.startsWith('/')) first = c.sources[0]!;
    else if (c.sources.length === 1 && c.dest.endsWith('/') && first === `${c.dest}${c.sources[0]!.split('/').pop()}`) first = c.sources[0]!;
  }
  argv[0] = first;
  return argv;
}

export interface NaiveDockerfile {
  text: string;
  image: string;
}

/** A single-stage Dockerfile for the project the plan describes (text only; the caller writes it outside the project). */
export function naiveDockerfile(plan: BuildPlan): NaiveDockerfile {
  const image = toolchainImage(plan);
  const buildStages = plan.stages.slice(0, -1);
  const workdir = buildStages.flatMap((s) => s.steps).find((s): s is Extract<Step, { kind: 'workdir' }> => s.kind === 'workdir')?.path ?? '/app';
  const env: Record<string, string> = {};
  for (const s of buildStages.flatMap((st) => st.steps)) {
    if (s.kind === 'env') for (const [k, v] of Object.entries(s.vars)) if (k !== 'NODE_ENV') env[k] = v;
  }
  const commands = buildStages.flatMap(runCommands);
  const lines = [
    '# Single-stage baseline derived by stagecraft (build --compare-naive): the toolchain image,',
    '# the whole project, install, build. Not for shipping: it is what the multi-stage build is measured against.',
    `FROM ${image}`,
    `WORKDIR ${workdir}`,
  ];
  if (Object.keys(env).length > 0) lines.push(`ENV ${Object.entries(env).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`);
  lines.push('COPY . .');
  const seen = new Set<string>();
  const add = (command: string) => {
    const kept = parts(command.replace(prodOnlyFlags, '')).filter((p) => !cleanupPattern.test(p));
    const joined = kept.join(' && ');
    if (!joined || seen.has(joined)) return;
    seen.add(joined);
    lines.push(`RUN ${joined}`);
  };
  // The build stages' commands in plan order (set-up such as a venv or `npm install -g pnpm@x`, install, build),
  // with dev dependencies kept, clean-ups dropped, and the same command once (prod and full installs become one).
  for (const c of commands) add(c);
  // The command runs where the runtime stage runs it (a workspace package: a folder below the root).
  const runtimeDir = [...plan.stages[plan.stages.length - 1]!.steps].reverse().find((s): s is Extract<Step, { kind: 'workdir' }> => s.kind === 'workdir')?.path;
  if (runtimeDir && runtimeDir !== workdir && runtimeDir.startsWith(`${workdir.replace(/\/$/, '')}/`)) lines.push(`WORKDIR ${runtimeDir}`);
  if (plan.port) lines.push(`EXPOSE ${plan.port}`);
  const cmd = naiveCommand(plan);
  if (cmd.length > 0) lines.push(`CMD ${quoteJson(cmd)}`);
  return { text: `${lines.join('\n')}\n`, image };
}
