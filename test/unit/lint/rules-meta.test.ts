// Keeps each rule, its file, its test table and its docs page in step (the typescript-eslint habit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../../../src/lint/registry.js';
import { lintText } from '../../../src/lint/linter.js';
import { memoryBuildContext } from '../../../src/lint/context.js';
import type { AnyRule } from '../../../src/lint/rule.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const ruleFiles = readdirSync(join(root, 'src/lint/rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

/** The first ```dockerfile block under a `## <heading>` and the named files (```json package.json) next to it. */
export function docsExample(markdown: string, heading: string): { code: string; files: Record<string, string> } | undefined {
  const start = markdown.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  if (start < 0) return undefined;
  const rest = markdown.slice(start).split('\n').slice(1).join('\n');
  const section = rest.split(/^## /m)[0]!;
  const fences = [...section.matchAll(/^```(\S*)(?:[ \t]+(\S+))?\n([\s\S]*?)^```\s*$/gm)];
  const df = fences.find((f) => f[1] === 'dockerfile');
  if (!df) return undefined;
  const files: Record<string, string> = {};
  for (const f of fences) if (f[2]) files[f[2]] = f[3]!;
  return { code: df[3]!, files };
}

function lintWith(rule: AnyRule, example: { code: string; files: Record<string, string> }) {
  // A stagecraft.config.json shown next to an example supplies the settings it assumes.
  // Its `rules` turn on other rules alongside (a rule about suppressions needs findings to suppress).
  const config = example.files['stagecraft.config.json'] ? (JSON.parse(example.files['stagecraft.config.json']) as { trustedRegistries?: string[]; rules?: Record<string, AnyRule['severity']> }) : {};
  const others = Object.entries(config.rules ?? {}).map(([id, sev]) => [rules.find((r) => r.id === id)!, sev] as const);
  return lintText(example.code, 'Dockerfile', {
    settings: { trustedRegistries: config.trustedRegistries ?? [] },
    rules: [rule, ...others.map(([r]) => r)],
    severities: new Map([[rule.id, rule.severity], ...others.map(([r, sev]) => [r.id, sev] as [string, AnyRule['severity']])]),
    buildContext: rule.needsContext || Object.keys(example.files).length > 0 ? memoryBuildContext(example.files) : undefined,
  }).findings.filter((f) => f.ruleId === rule.id);
}

test('every file under src/lint/rules is registered, and every rule has a file named after its id', () => {
  const ids = rules.map((r) => r.id).sort();
  assert.deepEqual(ruleFiles.map((f) => f.slice(0, -3)).sort(), ids);
  assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
});

for (const rule of rules) {
  test(`rule ${rule.id}: metadata, test table and docs page`, () => {
    assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'id is kebab-case');
    assert.ok(existsSync(join(root, 'test/unit/lint/rules', `${rule.id}.test.ts`)), `test/unit/lint/rules/${rule.id}.test.ts is missing`);
    assert.match(rule.description, /^\S[^\n]{10,260}\.$/, 'description is one sentence ending with a period');
    for (const a of rule.aliases) assert.match(a, /^(DL\d{4}|DS-\d{4}|CKV2?_DOCKER_\d+|[A-Z][A-Za-z]+)$/, `alias ${a} has a known shape`);
    const docPath = join(root, 'docs/rules', `${rule.id}.md`);
    assert.ok(existsSync(docPath), `docs/rules/${rule.id}.md is missing`);
    const md = readFileSync(docPath, 'utf8');
    assert.ok(md.startsWith(`# ${rule.id}\n`), 'docs page title is the id');
    assert.ok(md.includes(rule.description), 'docs page repeats the description');
    const bad = docsExample(md, 'Bad');
    const good = docsExample(md, 'Good');
    assert.ok(bad, 'docs page has a ```dockerfile block under "## Bad"');
    assert.ok(good, 'docs page has a ```dockerfile block under "## Good"');
    assert.ok(lintWith(rule, bad).length > 0, `the "Bad" example does not trigger ${rule.id}`);
    assert.deepEqual(lintWith(rule, good).map((f) => `${f.line}: ${f.message}`), [], `the "Good" example triggers ${rule.id}`);
  });
}
