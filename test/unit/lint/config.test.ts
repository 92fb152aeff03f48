import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { findConfig, loadConfigFile, mergeConfigs, resolveSeverities, validateConfig } from '../../../src/lint/config.js';
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
