// Runs CLI invocations from source in one child process and prints their outputs and exit codes as
// JSON (tests cannot capture stdout in-process: the test runner writes its report there).
import { main } from '../../../src/cli/main.js';

interface Call {
  args: string[];
  cwd?: string;
}

const calls = JSON.parse(process.argv[2] ?? '[]') as Call[];
const results: { code: number; stdout: string; stderr: string }[] = [];
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);
const home = process.cwd();
for (const call of calls) {
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((s: string | Uint8Array) => ((stdout += String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => ((stderr += String(s)), true)) as typeof process.stderr.write;
  process.chdir(call.cwd ?? home);
  let code: number;
  try {
    code = await main(['node', 'stagecraft', ...call.args]);
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
  results.push({ code, stdout, stderr });
}
realOut(JSON.stringify(results));
