import type { Project } from '../project/project.js';
import type { BuildPlan, InitOptions, Stack } from '../plan/types.js';

/**
 * A language provider: `detect` reads the project (only through the Project view) and returns
 * facts, or undefined when the project is not of its stack; `plan` is pure: facts and options in,
 * a BuildPlan out, no file access and no Dockerfile text. Either may throw a DecisionNeeded
 * (what it looked for, and the flag that settles it) rather than guess.
 */
export interface Provider<Facts = unknown> {
  readonly name: Stack;
  detect(project: Project, options: InitOptions): Facts | undefined;
  plan(facts: Facts, options: InitOptions): BuildPlan;
}
