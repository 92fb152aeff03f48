import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ExitCode, UserError } from '../util/errors.js';
import { result } from './main.js';
import { ignoreClosedPipe } from './rules.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

export function register(program: Command): void {
  program
    .command('check')
    .description('lint Dockerfiles: multi-stage aware, hadolint/BuildKit/Trivy/Checkov IDs understood, safe fixes')
    .argument('[paths...]', 'Dockerfiles or folders (default: every Dockerfile below the current folder); - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'github', 'checkstyle']))
    .addOption(new Option('--preset <preset>', 'rule set (default recommended)').choices(['recommended', 'strict', 'all']))
    .option('--rule <id=severity>', 'override a rule by id or alias: error, warning, info or off (repeatable)', collect)
    .option('--only <ids>', 'run only these rules (ids or aliases, comma-separated)', collect)
    .option('--trusted-registry <host>', 'registry FROM may use (repeatable); unset = any', collect)
    .option('--ignore-path <pattern>', 'skip matching files when discovering (repeatable)', collect)
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above (default warning)').choices(['error', 'warning', 'info']))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', (v) => {
      if (!/^\d+$/.test(v)) throw new UserError(`--max-warnings expects a number, got "${v}"`, ExitCode.usage);
      return Number(v);
    })
    .option('--target <stage>', 'the stage that ships (rules about the final image look at it)')
    .option('--context <dir>', 'build context for every file (default: the Dockerfile\'s folder)')
    .option('--fix', 'apply the safe fixes in place (stdin: print the fixed file)')
    .option('--fix-dry-run', 'print the diff --fix would apply, change nothing')
    .option('-c, --config <file>', 'config file (default: the nearest stagecraft.config.json)')
    .option('--no-config', 'ignore stagecraft.config.json')
    .addHelpText('after', '\nExit codes: 0 clean, 1 a finding at or over --fail-on (with --max-warnings N, warnings fail only past N),\n2 usage or I/O error (unknown rule id, bad config, no such path, no Dockerfile found).\nSuppress in the file: # stagecraft-ignore <id>[,<id>] -- reason (also -stage, -file); `stagecraft rules` lists the ids.')
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { runCheck } = await import('../lint/check.js');
      ignoreClosedPipe();
      // `check -` typed at a prompt would wait for input forever.
      if (paths.includes('-') && process.stdin.isTTY) throw new UserError('- reads a Dockerfile from standard input, which is a terminal here', ExitCode.usage, undefined, undefined, 'pipe one in: stagecraft check - < Dockerfile');
      const overrides: Record<string, string> = {};
      for (const r of (opts.rule as string[] | undefined) ?? []) {
        const m = /^\s*([^=\s]+)\s*=\s*(error|warning|info|off)\s*$/i.exec(r);
        if (!m) throw new UserError(`--rule expects id=severity (error, warning, info, off), got "${r}"`, ExitCode.usage, undefined, undefined, /=\s*warn\s*$/i.test(r) ? 'write warning, not warn' : undefined);
        overrides[m[1]!] = m[2]!.toLowerCase();
      }
      const run = runCheck(
        {
          paths,
          config: opts.config === false ? false : (opts.config as string | undefined),
          format: opts.format as never,
          preset: opts.preset as never,
          rules: Object.keys(overrides).length > 0 ? (overrides as never) : undefined,
          only: opts.only as string[] | undefined,
          trustedRegistries: opts.trustedRegistry as string[] | undefined,
          ignorePaths: opts.ignorePath as string[] | undefined,
          failOn: opts.failOn as never,
          maxWarnings: opts.maxWarnings as number | undefined,
          target: opts.target as string | undefined,
          context: opts.context as string | undefined,
          fix: opts.fix === true,
          fixDryRun: opts.fixDryRun === true,
        },
        (file, text) => writeFileSync(file, text),
      );
      const machine = (run.config.format ?? 'stylish') !== 'stylish';
      const stdinFix = run.fixedStdin !== undefined;
      // The diff of --fix-dry-run and a fixed stdin are the output; "fixed <file>" notes are not.
      const diffToStdout = opts.fixDryRun === true && !machine && !stdinFix;
      if (run.fixReport) (diffToStdout ? process.stdout : process.stderr).write(run.fixReport);
      if (stdinFix) process.stdout.write(run.fixedStdin!);
      (stdinFix ? process.stderr : process.stdout).write(run.output);
      if (run.note) for (const line of run.note.split('\n')) process.stderr.write(`stagecraft: ${line}\n`);
      result.code = run.code;
    });
}
