// The library API: everything the CLI uses.
export * from './plan/types.js';
export { diskProject, memoryProject, type Project } from './project/project.js';
export { providers, type Provider } from './providers/index.js';
export { renderDockerfile } from './render/dockerfile.js';
export { renderDockerignore } from './render/dockerignore.js';
export { analyzeContext, createMatcher, parseDockerignore, walkContext, cacheMap, translateGitignore, type ContextReport, type ContextMatcher, type ContextFinding } from './context/index.js';
export { planInit, initFolder, detectProject } from './init/init.js';
export { UserError, DecisionNeeded, ExitCode } from './util/errors.js';
export * from './engine/index.js';
export { buildImage, buildAndCompare, naiveDockerfile, BuildFailedError, type BuildRequest, type BuildResult, type CompareResult, type BaselineResult, type Baseline, type Layer as BuildLayer } from './build/index.js';
export { inspectImage, type InspectOptions } from './image/inspect.js';
export { analyzeArchive, archiveDiffIds, type AnalyzeOptions } from './image/analyze.js';
export { checkThresholds, parseDiveCi, type Thresholds, type ThresholdCheck, type DiveCiRules } from './image/thresholds.js';
export type { ImageReport, LayerInfo, Finding, WasteReport, FolderNode } from './image/types.js';
export { renderReport, type ReportData } from './report/html.js';
export { main } from './cli/main.js';
