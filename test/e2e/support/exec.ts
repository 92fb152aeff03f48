import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The outcome of one child process; `output` is stdout and stderr interleaved as they arrived. */
export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
  timedOut: boolean;
  ms: number;
}

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long; the result says `timedOut`. */
  timeoutMs?: number;
}

/** Runs a command to completion without a shell, capturing everything (async, so long builds do not block timers). */
export function exec(cmd: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let output = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; output += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; output += d; });
    const timer = options.timeoutMs
      ? setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, options.timeoutMs)
      : undefined;
    child.on('error', (err) => { if (timer) clearTimeout(timer); reject(err); });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, output, timedOut, ms: Date.now() - started });
    });
  });
}

/**
 * The docker client the suite drives. Debian's 20.10 client (/usr/bin/docker) builds with the
 * engine's BuildKit under DOCKER_BUILDKIT=1; a newer client without buildx cannot build at all.
 * STAGECRAFT_DOCKER overrides (the same variable stagecraft itself honours).
 */
export const dockerBinary: string = process.env.STAGECRAFT_DOCKER || (existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker');

const dockerEnv: NodeJS.ProcessEnv = { ...process.env, DOCKER_BUILDKIT: '1', DOCKER_CLI_HINTS: 'false' };

export function docker(args: string[], options: Omit<ExecOptions, 'env'> = {}): Promise<ExecResult> {
  return exec(dockerBinary, args, { ...options, env: dockerEnv });
}

/** Like `docker`, but throws with the command and its output when it exits non-zero. */
export async function dockerOk(args: string[], options: Omit<ExecOptions, 'env'> = {}): Promise<ExecResult> {
  const r = await docker(args, options);
  if (r.code !== 0) {
    throw new Error(`${dockerBinary} ${args.join(' ')} exited ${r.code}${r.timedOut ? ' (timed out)' : ''}:\n${tail(r.output, 30)}`);
  }
  return r;
}

/** The last `n` lines of a log, for failure messages. */
export function tail(text: string, n: number): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  return (lines.length > n ? [`... (${lines.length - n} earlier lines)`, ...lines.slice(-n)] : lines).join('\n');
}
