import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFsError, writeFileAtomic, writeFilesAtomic } from '../../../src/util/fs.js';
import { UserError } from '../../../src/util/errors.js';

test('writeFilesAtomic: when one target cannot be written, no target changes and no temporary file is left', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-fs-'));
  writeFileSync(join(dir, 'a'), 'old a');
  writeFileSync(join(dir, 'file'), 'a file, not a folder');
  assert.throws(
    () => writeFilesAtomic([{ path: join(dir, 'a'), content: 'new a' }, { path: join(dir, 'file', 'b'), content: 'b' }]),
    (e: unknown) => e instanceof UserError && e.exitCode === 2 && e.file === join(dir, 'file', 'b') && /cannot write: a part of the path is a file/.test(e.message),
  );
  assert.equal(readFileSync(join(dir, 'a'), 'utf8'), 'old a');
  assert.deepEqual(readdirSync(dir).sort(), ['a', 'file']);
  writeFilesAtomic([{ path: join(dir, 'a'), content: 'new a' }, { path: join(dir, 'sub', 'b'), content: 'b' }]);
  assert.equal(readFileSync(join(dir, 'a'), 'utf8'), 'new a');
  assert.equal(readFileSync(join(dir, 'sub', 'b'), 'utf8'), 'b');
  assert.deepEqual(readdirSync(dir).sort(), ['a', 'file', 'sub']);
});

test('writeFileAtomic names the target, not its temporary sibling, when the write fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-fs-'));
  writeFileSync(join(dir, 'file'), '');
  assert.throws(() => writeFileAtomic(join(dir, 'file', 'x'), 'x'), (e: unknown) => e instanceof UserError && !/\.tmp/.test(e.message) && e.file === join(dir, 'file', 'x'));
});

test('describeFsError puts the reason in words', () => {
  assert.equal(describeFsError(Object.assign(new Error('x'), { code: 'EACCES' })), 'permission denied (EACCES)');
  assert.equal(describeFsError(Object.assign(new Error('odd'), { code: 'EWHAT' })), 'odd');
});
