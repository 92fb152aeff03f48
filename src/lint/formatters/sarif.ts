import { isAbsolute, relative } from 'node:path';
import { version } from '../../version.js';
import { docsUrl, type Severity } from '../rule.js';
import { repoPath, type Formatter } from './types.js';

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: every rule's metadata in tool.driver.rules (with
 * helpUri), results pointing at them by id and index, URIs relative to the checkout. No
 * partialFingerprints: upload-sarif computes them from the file's content, whereas a "rule:line"
 * value made every alert below an added line look new (and the old one fixed).
 */
export const sarif: Formatter = (results, ctx) => {
  const used = ctx.rules;
  const indexOf = new Map(used.map((r, i) => [r.id, i]));
  // A URI reference: segments percent-encoded (a space or `#` in a folder name is not a valid URI otherwise).
  const uri = (file: string): string =>
    file === '-' ? 'stdin' : repoPath(isAbsolute(file) && !ctx.root ? relative(ctx.cwd, file) : file, ctx).split('/').map((seg) => encodeURIComponent(seg)).join('/');
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stagecraft',
            version,
            informationUri: 'https://github.com/stagecraft/stagecraft',
            rules: used.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              helpUri: docsUrl(r.id),
              help: { text: `${r.description} See ${docsUrl(r.id)}`, markdown: `${r.description} [Documentation](${docsUrl(r.id)})` },
              defaultConfiguration: { level: level[r.severity] },
              properties: { tags: ['dockerfile', ...r.aliases], precision: 'high', 'problem.severity': r.severity === 'info' ? 'recommendation' : r.severity },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ...(indexOf.has(f.ruleId) ? { ruleIndex: indexOf.get(f.ruleId) } : {}),
            level: level[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uri(r.file) },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.column) },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
