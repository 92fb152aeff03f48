import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFraction, parseRatio } from '../../../src/image/units.js';
import { UserError } from '../../../src/util/errors.js';

test('--min-efficiency over 100% could never pass: a usage error, not a guaranteed exit 1', () => {
  assert.equal(parseFraction('0.95', '--min-efficiency'), 0.95);
  assert.equal(parseFraction('95%', '--min-efficiency'), 0.95);
  assert.equal(parseFraction('1', '--min-efficiency'), 1);
  for (const bad of ['2', '150%', '1.01']) {
    assert.throws(() => parseFraction(bad, '--min-efficiency'), (e: unknown) => e instanceof UserError && e.exitCode === 2 && /over 100%/.test(e.message), bad);
  }
  assert.equal(parseRatio('2', 'x'), 2);
});
