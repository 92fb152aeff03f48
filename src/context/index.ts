// Build-context analysis: .dockerignore matching (Docker's semantics), walking, reports.
export {
  parseDockerignore,
  createMatcher,
  cleanPattern,
  hasWildcards,
  type ContextMatcher,
  type IgnorePattern,
  type IgnoreParseError,
  type ParsedDockerignore,
  type MatchState,
} from './matcher.js';
export { walkContext, displayName, type WalkResult, type SentEntry, type WalkProblem } from './walk.js';
export { translateGitignore } from './gitignore.js';
export { copyInstructions, sourceMatcher, cleanSource, type CopyInstruction } from './copies.js';
export { findSecrets, findJunk, findPatternProblems, type ContextFinding } from './findings.js';
export { cacheMap, STEP_KEYWORDS, type CacheMap, type StageRebuild } from './cache.js';
export { findLayerOrder, isDependencyInstall, isManifest, type LayerOrderFinding } from './layers.js';
export { analyzeContext, fixedDockerignore, ignoreFileFor, type ContextOptions, type ContextReport, type CopyReport } from './analyze.js';
export { gitChangedPaths } from './git.js';
export { formatReport, reportJson } from './format.js';
