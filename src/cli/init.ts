import { join, relative, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { initFolder } from '../init/init.js';
import type { BaseFlavor, InitOptions, Stack } from '../plan/types.js';
import { color, info, printJson, warn } from './output.js';
import { result } from './main.js';
import { ExitCode } from '../util/errors.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 1 to 65535');
  return n;
}

/** `--cmd "node server.js"` or `--cmd '["node","server.js"]'`. */
export function parseCmd(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      const argv = JSON.parse(trimmed) as unknown;
      if (Array.isArray(argv) && argv.length > 0 && argv.every((a) => typeof a === 'string')) return argv as string[];
    } catch {
      /* fall through to the error */
    }
    throw new InvalidArgumentError('a JSON --cmd must be an array of strings, e.g. \'["node","server.js"]\'');
  }
  const argv = trimmed.split(/\s+/).filter(Boolean);
  if (argv.length === 0) throw new InvalidArgumentError('the command is empty');
  return argv;
}

/**
 * The `stagecraft build` that builds what init wrote, from the current folder: a workspace
 * package's context is the workspace root, so `stagecraft build <package>` alone would fail.
 */
export function buildHint(dir: string, context: string, file: string): string {
  const ctx = resolve(dir, context);
  const dockerfile = resolve(dir, file);
  const rel = (p: string): string => {
    const r = relative(process.cwd(), p) || '.';
    return /^[\w@%+=:,./-]+$/.test(r) ? r : `'${r.replace(/'/g, `'\\''`)}'`;
  };
  return `stagecraft build ${rel(ctx)}${dockerfile === join(ctx, 'Dockerfile') ? '' : ` -f ${rel(dockerfile)}`} --compare-naive`;
}

export function register(program: Command): void {
  program
    .command('init')
    .description('read a project and write a multi-stage Dockerfile and .dockerignore')
    .argument('[dir]', 'project folder', '.')
    .option('--cmd <command>', 'the command the container runs ("node server.js" or a JSON array)', parseCmd)
    .option('--port <port>', 'the port the app listens on (EXPOSE)', parsePort)
    .addOption(new Option('--base <flavor>', 'runtime base image family').choices(['slim', 'distroless', 'alpine']))
    .addOption(new Option('--stack <stack>', 'skip detection and use this stack').choices(['node', 'bun', 'go', 'python']))
    .option('--node-version <version>', 'Node.js major (or range) to build and run with')
    .option('--go-version <version>', 'Go version to build with (e.g. 1.23)')
    .option('--python-version <version>', 'Python version to run with (e.g. 3.12)')
    .option('--target-package <pkg>', 'Go: the main package to build (e.g. cmd/api)')
    .option('-f, --file <name>', 'name of the Dockerfile to write', 'Dockerfile')
    .option('--stdout', 'print the Dockerfile instead of writing files')
    .option('--dry-run', 'show what would be written, write nothing')
    .option('--force', 'replace an existing Dockerfile (kept as <name>.bak) and merge into an existing .dockerignore')
    .option('--no-comments', 'leave out the one-line "why" comments')
    .option('--json', 'print the plan as JSON (writes nothing unless --write is given too)')
    .option('--write', 'with --json: write the files as well')
    .action((dir: string, opts: Record<string, unknown>) => {
      const options: InitOptions = {
        cmd: opts.cmd as string[] | undefined,
        port: opts.port as number | undefined,
        base: opts.base as BaseFlavor | undefined,
        stack: opts.stack as Stack | undefined,
        nodeVersion: opts.nodeVersion as string | undefined,
        goVersion: opts.goVersion as string | undefined,
        pythonVersion: opts.pythonVersion as string | undefined,
        targetPackage: opts.targetPackage as string | undefined,
        hostNodeMajor: Number(process.versions.node.split('.')[0]),
      };
      const json = Boolean(opts.json);
      const noWrite = Boolean(opts.stdout) || Boolean(opts.dryRun) || (json && !opts.write);
      const out = initFolder(dir, options, {
        force: Boolean(opts.force),
        file: opts.file as string,
        comments: opts.comments !== false,
        dryRun: noWrite,
      });
      for (const w of out.plan.warnings) warn(w);
      if (json) {
        printJson({ ...out.plan, dockerfile: out.dockerfile, dockerignoreText: out.dockerignore, written: out.written });
      } else if (opts.stdout) {
        process.stdout.write(out.dockerfile);
      } else if (opts.dryRun) {
        process.stdout.write(`${color.bold(`# ${opts.file as string} (not written)`)}\n${out.dockerfile}\n${color.bold('# .dockerignore (not written)')}\n${out.dockerignore}`);
      } else {
        for (const w of out.written) info(`${color.green('wrote')} ${w}`);
        const s = out.plan;
        info(`${s.stack}${s.packageManager ? ` (${s.packageManager})` : ''}: ${s.stages.map((st) => `${st.name} <- ${st.base}`).join(', ')}`);
        info(`runs ${JSON.stringify(s.cmd)} as user ${s.user}${s.port ? ` on port ${s.port}` : ''}`);
        info(`${color.dim('next')}: ${buildHint(dir, s.context, opts.file as string)}`);
      }
      for (const n of out.plan.notes) if (!json) info(`${color.dim('note')}: ${n}`);
      result.code = ExitCode.ok;
    });
}
