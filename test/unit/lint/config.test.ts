import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { checkRuleIds, findConfig, loadConfigFile, loadHadolintConfig, mergeConfigs, resolveSeverities, validateConfig } from '../../../src/lint/config.js';
import { parse as parseYaml } from 'yaml';
import { rules } from '../../../src/lint/registry.js';
import { UserError } from '../../../src/util/errors.js';

test('presets nest: recommended < strict < all', () => {
  const rec = resolveSeverities(rules, { preset: 'recommended' });
  const strict = resolveSeverities(rules, { preset: 'strict' });
  const all = resolveSeverities(rules, { preset: 'all' });
  assert.ok(rec.size < strict.size && strict.size < all.size);
  for (const id of rec.keys()) assert.ok(strict.has(id));
  assert.ok(!rec.has('apt-pin-versions') && strict.has('apt-pin-versions'));
  assert.ok(!strict.has('healthcheck-missing') && all.has('healthcheck-missing'));
  assert.equal(all.size, rules.length);
});

test('overrides by id or alias; off removes; only restricts', () => {
  const s = resolveSeverities(rules, { rules: { DL3000: 'error', 'run-cd': 'off', 'apt-pin-versions': 'warning' } });
  assert.equal(s.get('workdir-relative'), 'error');
  assert.equal(s.has('run-cd'), false);
  assert.equal(s.get('apt-pin-versions'), 'warning');
  const only = resolveSeverities(rules, { only: ['DL3000', 'sudo'] });
  assert.deepEqual([...only.keys()].sort(), ['sudo', 'syntax', 'workdir-relative']);
  assert.throws(() => resolveSeverities(rules, { rules: { DL9999: 'off' } }), UserError);
});

test('validation gives a usage error naming the problem', () => {
  assert.throws(() => validateConfig({ preset: 'lax' }), /preset/);
  assert.throws(() => validateConfig({ rules: { x: 'loud' } }), /rules.x/);
  assert.throws(() => validateConfig({ colour: true }), /unknown key "colour"/);
  assert.throws(() => validateConfig({ maxWarnings: -1 }), /maxWarnings/);
  assert.deepEqual(validateConfig({ $schema: './schema.json', failOn: 'error' }), { failOn: 'error' });
});

test('the nearest stagecraft.config.json is found and merged under flags', () => {
  const root = mkdtempSync(join(tmpdir(), 'sc-config-'));
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  writeFileSync(join(root, 'stagecraft.config.json'), JSON.stringify({ preset: 'strict', rules: { DL3000: 'error' }, trustedRegistries: ['ghcr.io'] }));
  const found = findConfig(join(root, 'a', 'b'))!;
  assert.equal(found, join(root, 'stagecraft.config.json'));
  const merged = mergeConfigs(loadConfigFile(found), { rules: { DL3003: 'off' }, preset: 'all' });
  assert.deepEqual(merged, { preset: 'all', rules: { DL3000: 'error', DL3003: 'off' }, trustedRegistries: ['ghcr.io'] });
  writeFileSync(join(root, 'bad.json'), '{ nope');
  assert.throws(() => loadConfigFile(join(root, 'bad.json')), UserError);
});

test('a malformed config names the file and the line; an unknown severity shows the value', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-cfg-'));
  const f = join(dir, 'stagecraft.config.json');
  writeFileSync(f, '{\n  "preset": "strict",\n  "rules": {\n    "DL3008": "off",\n  }\n}\n');
  assert.throws(() => loadConfigFile(f), (e: unknown) => e instanceof UserError && e.file === f && e.line === 5 && /invalid JSON/.test(e.message) && e.exitCode === 2);
  writeFileSync(f, '{ "rules": { "DL3008": "warn" } }');
  assert.throws(() => loadConfigFile(f), /got "warn"; did you mean "warning"/);
  assert.throws(() => loadConfigFile(join(dir, 'missing.json')), (e: unknown) => e instanceof UserError && /no such file/.test(e.message));
});

test('an unknown rule id in the config file is an error naming the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-cfg-'));
  const f = join(dir, 'stagecraft.config.json');
  writeFileSync(f, '{\n  "rules": {\n    "DL9999": "off"\n  }\n}\n');
  assert.throws(() => checkRuleIds(rules, loadConfigFile(f), f), (e: unknown) => e instanceof UserError && e.file === f && e.line === 3 && /unknown rule "DL9999" in "rules"/.test(e.message));
  writeFileSync(f, '{ "only": ["DL3008", "nope"] }');
  assert.throws(() => checkRuleIds(rules, loadConfigFile(f), f), /unknown rule "nope" in "only"/);
});

test('.hadolint.yaml with odd content is an error naming the file, not silently skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-cfg-'));
  const f = join(dir, '.hadolint.yaml');
  const bad = ['ignored: DL3015\n', 'failure-threshold: banana\n', '- a\n- b\n', 'override: [DL3008]\n', 'override:\n  error: DL3002\n'];
  for (const text of bad) {
    writeFileSync(f, text);
    assert.throws(() => loadHadolintConfig(f, parseYaml), (e: unknown) => e instanceof UserError && e.file === f && /invalid hadolint config/.test(e.message), text);
  }
  writeFileSync(f, '');
  assert.deepEqual(loadHadolintConfig(f, parseYaml), {});
  writeFileSync(f, 'failure-threshold: none\nignored:\n  - DL3008\n');
  assert.deepEqual(loadHadolintConfig(f, parseYaml), { rules: { DL3008: 'off' } });
});

test('an unknown id given with --rule is named with the flag', () => {
  assert.throws(() => resolveSeverities(rules, { rules: { DL9999: 'off' } }), /unknown rule "DL9999" in --rule/);
});

test('failOn is case-insensitive like the rule severities', () => {
  assert.equal(validateConfig({ failOn: 'Error' }).failOn, 'error');
});

test('an empty config file and a comment in it are said in one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-cfg-'));
  const f = join(dir, 'stagecraft.config.json');
  writeFileSync(f, '\n');
  assert.throws(() => loadConfigFile(f), (e: unknown) => e instanceof UserError && /the config file is empty/.test(e.message) && /write \{\}/.test(e.hint ?? ''));
  writeFileSync(f, '// comment\n{}');
  assert.throws(() => loadConfigFile(f), (e: unknown) => e instanceof UserError && /invalid JSON/.test(e.message) && !e.message.includes('\n'));
});
