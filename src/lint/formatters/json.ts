import type { Formatter } from './types.js';

/** `{ files: [{ file, findings: [...] }] }`, one entry per file checked; fixes are not part of it. */
export const json: Formatter = (results) =>
  `${JSON.stringify(
    {
      files: results.map((r) => ({
        file: r.file,
        findings: r.findings.map((f) => ({
          ruleId: f.ruleId,
          aliases: f.aliases,
          severity: f.severity,
          message: f.message,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          fixable: f.fixable,
        })),
      })),
    },
    null,
    2,
  )}\n`;
