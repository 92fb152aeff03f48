import { Command, CommanderError } from 'commander';
import { ExitCode, UserError, formatUserError } from '../util/errors.js';
import { version } from '../version.js';

type Register = (program: Command) => void;

/**
 * The commands, loaded on demand: `stagecraft check x` loads only the linter, not the image reader
 * or the providers (start-up time is most of a one-file check).
 */
const commands: Record<string, () => Promise<{ register: Register }>> = {
  init: () => import('./init.js'),
  check: () => import('./check.js'),
  rules: () => import('./rules.js'),
  context: () => import('./context.js'),
  build: () => import('./build.js'),
  inspect: () => import('./inspect.js'),
};

/**
 * Each command's action sets `process.exitCode`-style results through this holder, so that
 * `main` can return them and tests can call `main` in-process.
 */
export const result = { code: ExitCode.ok as number };

/** The program with the command named in argv (all of them for help, version or an unknown word). */
export async function buildProgram(argv: string[] = process.argv): Promise<Command> {
  const program = new Command('stagecraft')
    .description('Small, non-root, cache-friendly multi-stage container images, and the proof.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .exitOverride();
  const word = argv[2];
  const wanted = word !== undefined && Object.hasOwn(commands, word) ? [commands[word]!] : Object.values(commands);
  for (const load of wanted) (await load()).register(program);
  // commander's own exits (usage errors, --help) must not kill the process from inside a subcommand.
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI; resolves to the process exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  result.code = ExitCode.ok;
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return result.code;
  } catch (err) {
    return handleError(err);
  }
}

export function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help and --version exit 0; any other commander error is a usage error (already printed).
    return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (err instanceof UserError) {
    process.stderr.write(`stagecraft: ${formatUserError(err)}\n`);
    return err.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && e.syscall) {
    process.stderr.write(`stagecraft: ${e.message}\n`);
    return ExitCode.usage;
  }
  process.stderr.write(`stagecraft: internal error: ${e?.message ?? String(err)}\n`);
  if (process.env.STAGECRAFT_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  process.stderr.write('  please report it with the command you ran (set STAGECRAFT_DEBUG=1 for details)\n');
  return ExitCode.usage;
}
