// stagecraft build: BuildKit through the docker CLI, progress, layers, and the size comparison.
export { type BuildRequest, type BuildResult, type BuildStep, BuildFailedError, buildImage, buildArgv, defaultTag, siblingTag } from './build.js';
export { type Baseline, type BaselineResult, type CompareResult, buildAndCompare, sizeRatio } from './compare.js';
export { naiveDockerfile, naiveCommand, toolchainImage } from './naive.js';
export { type Layer, instructionFromCreatedBy, mapLayers } from './layers.js';
export { type ProgressEvent, type StepLabel, type VertexState, ProgressParser, parseProgressLine, parseProgressLog, parseStepLabel, countedSteps } from './progress.js';
export { type FailurePoint, locateFailure, instructionForLabel } from './failure.js';
export { type ProgressView, LiveView, PlainView, progressViewFor, silentView } from './view.js';
export { formatBuildSummary, formatComparison } from './summary.js';
