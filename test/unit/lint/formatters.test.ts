import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatters } from '../../../src/lint/formatters/index.js';
import { lintText } from '../../../src/lint/linter.js';
import { rules } from '../../../src/lint/registry.js';
import type { FileResult } from '../../../src/lint/finding.js';

const text = 'FROM node:20\nWORKDIR app\nCMD node "a,b:c%.js"\n';
const results: FileResult[] = [{ file: 'web/Dockerfile', findings: lintText(text, 'web/Dockerfile').findings }, { file: 'clean/Dockerfile', findings: [] }];
const ctx = { rules, sources: new Map([['web/Dockerfile', text]]), cwd: process.cwd() };

test('json: one entry per file, also clean ones, with the documented fields', () => {
  const out = JSON.parse(formatters.json(results, ctx));
  assert.deepEqual(out.files.map((f: { file: string }) => f.file), ['web/Dockerfile', 'clean/Dockerfile']);
  const f = out.files[0].findings[0];
  assert.deepEqual(Object.keys(f), ['ruleId', 'aliases', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable']);
  assert.equal(out.files[1].findings.length, 0);
});

test('sarif: 2.1.0 with rule metadata, helpUri and results pointing at rules', () => {
  const s = JSON.parse(formatters.sarif(results, ctx));
  assert.equal(s.version, '2.1.0');
  const run = s.runs[0];
  assert.equal(run.tool.driver.name, 'stagecraft');
  const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
  for (const r of run.tool.driver.rules) {
    assert.ok(r.helpUri.endsWith(`/docs/rules/${r.id}.md`));
    assert.ok(r.shortDescription.text.length > 0);
    assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
  }
  assert.ok(run.results.length > 0);
  for (const res of run.results) {
    assert.equal(ruleIds[res.ruleIndex], res.ruleId);
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'web/Dockerfile');
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
  }
});

test('github: workflow commands with escaped properties and data', () => {
  const out = formatters.github([{ file: 'a,b:c.Dockerfile', findings: [{ ruleId: 'x', aliases: [], severity: 'info', message: 'one%two\nthree', line: 2, column: 1, endLine: 2, endColumn: 5, fixable: false }] }], ctx);
  assert.equal(out, '::notice file=a%2Cb%3Ac.Dockerfile,line=2,col=1,endLine=2,endColumn=5,title=stagecraft x::one%25two%0Athree\n');
});

test('checkstyle: well-formed XML with escaped messages', () => {
  const out = formatters.checkstyle(results, ctx);
  assert.ok(out.startsWith('<?xml'));
  assert.ok(out.includes('<file name="clean/Dockerfile">'));
  assert.ok(!/"[^"]*<[^"]*"/.test(out.replace(/<[^>]+>/g, '')));
  assert.match(out, /source="stagecraft\.workdir-relative"/);
});

test('stylish: shows the offending line and a summary', () => {
  const out = formatters.stylish(results, ctx);
  assert.match(out, /web\/Dockerfile/);
  assert.match(out, /│ WORKDIR app/);
  assert.match(out, /problems? \(\d+ errors?, \d+ warnings?, \d+ info\)/);
  assert.match(formatters.stylish([{ file: 'x', findings: [] }], ctx), /no problems/);
});

test('sarif: artifact URIs are relative and percent-encoded (a space in a folder name is no valid URI)', () => {
  const r: FileResult[] = [{ file: 'my app/#1/Dockerfile', findings: results[0]!.findings }, { file: `${process.cwd()}/abs dir/Dockerfile`, findings: results[0]!.findings }];
  const s = JSON.parse(formatters.sarif(r, ctx));
  const uris = new Set(s.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri));
  assert.deepEqual([...uris], ['my%20app/%231/Dockerfile', 'abs%20dir/Dockerfile']);
});

test('sarif: no line-number fingerprints (they made alerts churn when lines moved); upload-sarif computes them', () => {
  const s = JSON.parse(formatters.sarif(results, ctx));
  for (const r of s.runs[0].results) assert.equal(r.partialFingerprints, undefined);
});

test('stylish: control characters from the file (a binary file, an escape sequence) do not reach the terminal', () => {
  const src = 'FROM a:1\nBOGUS \u001b[2J\u0007x\n';
  const r: FileResult[] = [{ file: 'Dockerfile', findings: lintText(src, 'Dockerfile').findings }];
  const out = formatters.stylish(r, { rules, sources: new Map([['Dockerfile', src]]), cwd: process.cwd() });
  assert.match(out, /BOGUS/);
  assert.doesNotMatch(out.replace(/\u001b\[[0-9;]*m/g, ''), /[\u0000-\u0008\u000b-\u001f\u007f]/);
});

test('checkstyle: control characters from the file are replaced, so the XML stays well-formed', () => {
  const src = 'FROM a:1\nBO\u0001GUS x\n';
  const r: FileResult[] = [{ file: 'Dockerfile', findings: lintText(src, 'Dockerfile').findings }];
  const out = formatters.checkstyle(r, { rules, sources: new Map(), cwd: process.cwd() });
  assert.match(out, /unknown instruction: BO\uFFFDGUS/);
  assert.doesNotMatch(out, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
});

test('github and sarif: paths relative to the checkout (GITHUB_WORKSPACE) when the step runs in a sub-folder', async () => {
  const { join } = await import('node:path');
  const root = join(process.cwd(), 'repo-root-for-test');
  const inSub = { rules, sources: new Map(), cwd: join(root, 'services'), root };
  const r: FileResult[] = [{ file: 'api/Dockerfile', findings: results[0]!.findings }];
  assert.match(formatters.github(r, inSub), /^::\w+ file=services\/api\/Dockerfile,/);
  const s = JSON.parse(formatters.sarif(r, inSub));
  assert.equal(s.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'services/api/Dockerfile');
  // Without a known checkout: relative to the current folder, as before.
  assert.match(formatters.github(r, { ...inSub, root: undefined }), /^::\w+ file=api\/Dockerfile,/);
});
