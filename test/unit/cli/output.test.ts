import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colorEnabled } from '../../../src/cli/output.js';

test('colours: a terminal turns them on, NO_COLOR off, FORCE_COLOR forces, CI alone does not', () => {
  assert.equal(colorEnabled({}, true), true);
  assert.equal(colorEnabled({}, false), false);
  assert.equal(colorEnabled({ CI: 'true' }, false), false);
  assert.equal(colorEnabled({ NO_COLOR: '1' }, true), false);
  assert.equal(colorEnabled({ FORCE_COLOR: '1' }, false), true);
  assert.equal(colorEnabled({ FORCE_COLOR: '0' }, true), false);
  assert.equal(colorEnabled({ TERM: 'dumb' }, true), false);
});
