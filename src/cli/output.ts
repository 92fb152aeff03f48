import pc from 'picocolors';

/** Colours honour NO_COLOR, FORCE_COLOR and whether the stream is a terminal (picocolors' rules). */
export const color = pc;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function warn(message: string): void {
  process.stderr.write(`${color.yellow('warning')}: ${message}\n`);
}

export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}
