import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runner = fileURLToPath(new URL('./run-cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs several CLI invocations from source in one child process (one tsx start-up for all). */
export function cliBatch(calls: { args: string[]; cwd?: string }[], env: Record<string, string> = {}): Promise<CliResult[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', tsx, runner, JSON.stringify(calls)], { env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`runner failed: ${stderr}`));
      resolve(JSON.parse(stdout) as CliResult[]);
    });
  });
}
