// The linter's library API (`stagecraft check` and `stagecraft rules` are thin shells over it).
export { lintText, lintDockerfile, shippedStages, defaultSeverities, type LintOptions, type LintOutput } from './linter.js';
export { rules, ruleById } from './registry.js';
export { defineRule, docsUrl, PRESETS, SEVERITIES, type Rule, type AnyRule, type RuleContext, type Visitors, type Severity, type Preset, type Fix, type Report, type RuleSettings } from './rule.js';
export type { Finding, FileResult } from './finding.js';
export { readPragmas, applyPragmas, aliasIndex } from './pragmas.js';
export { CONFIG_FILE, FORMATS, findConfig, loadConfigFile, validateConfig, mergeConfigs, resolveSeverities, type CheckConfig, type FormatName } from './config.js';
export { fixText, applyFixes, unifiedDiff, type FixResult } from './fix.js';
export { formatters, type Formatter, type FormatContext } from './formatters/index.js';
export { diskBuildContext, memoryBuildContext, type BuildContextView } from './context.js';
export { discoverDockerfiles, isDockerfileName } from './discover.js';
export { runCheck, exitCodeFor, type CheckOptions, type CheckRun } from './check.js';
export { describeRules, type RuleDescription } from './describe.js';
