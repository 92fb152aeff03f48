// The Dockerfile model: parse any text into stages and instructions with positions and resolved values.
export * from './model.js';
export { parseDockerfile, parseJsonForm, joinContinuations, KNOWN_KEYWORDS, type ParseOptions } from './parse.js';
export {
  finalStage,
  stagesNeededFor,
  variablesBefore,
  resolveAt,
  stageByReference,
  copyFromSource,
  mountsOf,
  rootImageStage,
  inheritedInstructions,
  type CopyFromSource,
  type Mount,
} from './stages.js';
export { substitute, referencedNames, unquote, parseKeyValues, splitWords, type Lookup, type Substitution } from './variables.js';
export { parseShell, effectiveArgv, commandName, runScript, runCommands, type ShellCommand, type ShellScript } from './shell.js';
export { parseImageRef, registryOf, isScratch, type ImageRef } from './image.js';
