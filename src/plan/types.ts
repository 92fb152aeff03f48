/**
 * The build plan: what a provider decides, as plain JSON-able data. The renderer turns it into
 * Dockerfile text; snapshot tests compare it; `stagecraft init --json` prints it.
 */

export type Stack = 'node' | 'bun' | 'go' | 'python';

export type BaseFlavor = 'slim' | 'distroless' | 'alpine';

export interface BuildPlan {
  stack: Stack;
  /** npm, pnpm, yarn (1), yarn-berry, bun, go, pip, poetry, uv, pipenv. */
  packageManager?: string;
  /** What detection found, for --json and for the README of a plan (versions, framework, ...). */
  facts: Record<string, unknown>;
  /** In build order; the last one is the runtime stage. */
  stages: Stage[];
  /** The user the app runs as, numeric (`65532` or `1000:1000`). */
  user: string;
  port?: number;
  /** The full argv the container runs (ENTRYPOINT + CMD as the user sees it). */
  cmd: string[];
  dockerignore: DockerignorePlan;
  /**
   * The build context, relative to the project folder: '.' normally; the workspace root for a
   * package inside a monorepo (its lockfile lives there). The .dockerignore is written there, and
   * COPY sources in the plan are relative to it.
   */
  context: string;
  /** Things the user should act on (e.g. native modules on Alpine). */
  warnings: string[];
  /** Things the user should know (e.g. why there is no HEALTHCHECK). */
  notes: string[];
}

export interface Stage {
  name: string;
  base: string;
  /** One line: why this stage exists. */
  comment: string;
  steps: Step[];
}

interface StepBase {
  /** One line: why this step, when it is not obvious. */
  comment?: string;
}

export type Step =
  | (StepBase & { kind: 'workdir'; path: string })
  | (StepBase & { kind: 'env'; vars: Record<string, string> })
  | (StepBase & { kind: 'arg'; name: string; default?: string })
  | (StepBase & { kind: 'copy'; sources: string[]; dest: string; from?: string; chown?: string; chmod?: string })
  /** `commands` are joined with ` && ` over continuation lines. */
  | (StepBase & { kind: 'run'; commands: string[]; mounts?: Mount[] })
  | (StepBase & { kind: 'user'; user: string })
  | (StepBase & { kind: 'expose'; port: number })
  | (StepBase & { kind: 'healthcheck'; argv: string[]; interval?: string; timeout?: string; startPeriod?: string; retries?: number })
  | (StepBase & { kind: 'entrypoint'; argv: string[] })
  | (StepBase & { kind: 'cmd'; argv: string[] });

export type Mount =
  | { type: 'cache'; target: string; id?: string; sharing?: 'shared' | 'private' | 'locked'; uid?: number; gid?: number }
  | { type: 'bind'; target: string; source?: string; from?: string; readwrite?: boolean }
  | { type: 'secret'; id: string; target?: string; required?: boolean };

export interface DockerignorePlan {
  /** Patterns this stack wants excluded (Docker semantics). */
  entries: string[];
  /** Context paths the Dockerfile COPYs: never excluded, whatever the other rules say. */
  keep: string[];
}

/** What the user said on the command line; every field optional except the switches. */
export interface InitOptions {
  cmd?: string[];
  port?: number;
  base?: BaseFlavor;
  nodeVersion?: string;
  goVersion?: string;
  pythonVersion?: string;
  /** Go: the main package to build (`cmd/api`, `./cmd/api` or `api`). */
  targetPackage?: string;
  /** Force a provider instead of the first that detects. */
  stack?: Stack;
  /** The major of the Node.js running stagecraft: the default when a project names none. */
  hostNodeMajor: number;
}
