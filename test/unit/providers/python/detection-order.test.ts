import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryProject } from '../../../../src/project/project.js';
import { detectProject } from '../../../../src/init/init.js';
import type { InitOptions } from '../../../../src/plan/types.js';

const opts = (o: Partial<InitOptions> = {}): InitOptions => ({ hostNodeMajor: 20, ...o });
const stackOf = (files: Record<string, string>, o: Partial<InitOptions> = {}) => detectProject(memoryProject(files), opts(o)).provider.name;

test('detection order: go, bun, node, python; --stack skips it', () => {
  const js = { 'package.json': '{"name":"x"}' };
  assert.equal(stackOf({ 'go.mod': 'module m\n', ...js, 'requirements.txt': '' }), 'go');
  assert.equal(stackOf({ ...js, 'bun.lock': '{}', 'requirements.txt': '' }), 'bun');
  assert.equal(stackOf({ ...js, 'package-lock.json': '{}', 'requirements.txt': '' }), 'node');
  assert.equal(stackOf({ 'requirements.txt': '', 'main.py': '' }), 'python');
  assert.equal(stackOf({ ...js, 'package-lock.json': '{}', 'requirements.txt': '' }, { stack: 'python' }), 'python');
});
