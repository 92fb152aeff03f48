import pc from 'picocolors';

/**
 * Colours on a terminal or with FORCE_COLOR, never with NO_COLOR. (picocolors alone also turns them
 * on whenever CI is set, which puts escape codes into piped output and logs.)
 */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stdout.isTTY)): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

export const color = pc.createColors(colorEnabled());

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function warn(message: string): void {
  process.stderr.write(`${color.yellow('warning')}: ${message}\n`);
}

export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}
