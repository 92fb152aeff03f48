/** Exit codes shared by every command (documented in the README). */
export const ExitCode = {
  ok: 0,
  /** init: refused (file exists, unknown stack, decision needed); check: findings over the threshold; inspect: threshold crossed. */
  refused: 1,
  /** usage error, unreadable input, I/O error, no engine. */
  usage: 2,
} as const;

/**
 * An error meant for the user: printed as one clear message (never a stack trace).
 * `file`/`line` point at the input that caused it, where there is one.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.usage,
    readonly file?: string,
    readonly line?: number,
    /** The flag or action that settles it, shown as a hint. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** init could not decide something on its own and will not guess. */
export class DecisionNeeded extends UserError {
  constructor(message: string, hint: string, file?: string) {
    super(message, ExitCode.refused, file, undefined, hint);
    this.name = 'DecisionNeeded';
  }
}

export function formatUserError(err: UserError): string {
  const where = err.file ? `${err.file}${err.line ? `:${err.line}` : ''}: ` : '';
  return `${where}${err.message}${err.hint ? `\n  hint: ${err.hint}` : ''}`;
}
