import type { Finding, ImageReport } from '../types.js';
import { version } from '../../version.js';

const descriptions: Record<string, string> = {
  'env-file': 'An environment file (.env) ships in the image.',
  'private-key': 'A private key or keystore ships in the image.',
  'credentials-file': 'A credentials file ships in the image.',
  'git-folder': 'A .git folder ships in the image.',
  'package-cache': 'A package manager cache ships in the image.',
  compiler: 'A compiler ships in the runtime image.',
  'test-folder': 'Test files ship in the image.',
  'dev-dependency': 'A development dependency ships in the image.',
  'leaked-build-arg': 'A build argument value is recorded in the image history.',
};

const level = (f: Finding) => (f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'note');

/** SARIF 2.1.0 for the "should not ship" findings; locations are paths inside the image. */
export function formatSarif(report: ImageReport): string {
  const codes = [...new Set(report.findings.map((f) => f.code))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stagecraft',
            version,
            rules: codes.map((id) => ({ id, shortDescription: { text: descriptions[id] ?? id } })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.code,
          level: level(f),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: f.path ? `image://${encodeURI(report.name)}${encodeURI(f.path)}` : `image://${encodeURI(report.name)}` } },
              logicalLocations: [{ name: f.path ?? `layer ${f.layer ?? 0}`, kind: 'resource' }],
            },
          ],
          properties: { image: report.name, layer: f.layer, bytes: f.bytes, inBase: f.inBase ?? false },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** GitHub Actions workflow commands: the user's findings as annotations (base-image notes are left out). */
export function formatGithub(report: ImageReport): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = report.findings
    .filter((f) => !f.inBase)
    .map((f) => `::${f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice'} title=${escProp(`stagecraft ${f.code}`)}::${esc(`${report.name}: ${f.message}`)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
