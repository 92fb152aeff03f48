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
} from './matcher.js';
