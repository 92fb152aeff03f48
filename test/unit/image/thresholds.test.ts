import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkThresholds, parseDiveCi } from '../../../src/image/thresholds.js';
import { formatBytes, parseBytes, parseRatio } from '../../../src/image/units.js';
import type { ImageReport } from '../../../src/image/types.js';

const report = (o: { size?: number; dive?: [number, number, number | null]; st?: [number, number, number | null] }) =>
  ({
    size: o.size ?? 1000,
    waste: {
      dive: { efficiency: o.dive?.[0] ?? 1, wastedBytes: o.dive?.[1] ?? 0, userWastedPercent: o.dive ? o.dive[2] : 0 },
      stagecraft: { efficiency: o.st?.[0] ?? 1, wastedBytes: o.st?.[1] ?? 0, userWastedPercent: o.st ? o.st[2] : 0 },
    },
  }) as unknown as ImageReport;

describe('.dive-ci', () => {
  it('reads the rules as dive does, with dive\'s defaults for the keys left out', () => {
    assert.deepEqual(parseDiveCi('rules:\n  lowestEfficiency: 0.95\n  highestWastedBytes: 20MB\n  highestUserWastedPercent: 0.20\n'), { lowestEfficiency: 0.95, highestWastedBytes: 20_000_000, highestUserWastedPercent: 0.2 });
    assert.deepEqual(parseDiveCi('rules:\n  highestWastedBytes: "1.5 GiB"\n'), { lowestEfficiency: 0.9, highestWastedBytes: 1.5 * 1024 ** 3, highestUserWastedPercent: 0.1 });
    assert.deepEqual(parseDiveCi('rules:\n  lowestEfficiency: disabled\n  highestUserWastedPercent: disabled\n'), {});
    assert.deepEqual(parseDiveCi(''), { lowestEfficiency: 0.9, highestUserWastedPercent: 0.1 });
    assert.throws(() => parseDiveCi('rules:\n  lowestEfficiency: high\n'), /lowestEfficiency/);
  });

  it('compares strictly and always on the dive-compatible figures', () => {
    const rules = { lowestEfficiency: 0.9, highestWastedBytes: 100, highestUserWastedPercent: 0.1 };
    const atLimit = checkThresholds(report({ dive: [0.9, 100, 0.1], st: [0, 1e9, 1] }), { diveCi: rules });
    assert.deepEqual(atLimit.map((c) => c.passed), [true, true, true]);
    const over = checkThresholds(report({ dive: [0.89, 101, 0.11], st: [1, 0, 0] }), { diveCi: rules });
    assert.deepEqual(over.map((c) => [c.rule, c.passed]), [['lowestEfficiency', false], ['highestWastedBytes', false], ['highestUserWastedPercent', false]]);
    // dive's division by zero (+Inf) fails the percent rule.
    assert.equal(checkThresholds(report({ dive: [1, 5, null] }), { diveCi: { highestUserWastedPercent: 0.5 } })[0]!.passed, false);
  });
});

describe('flags', () => {
  it('--max-size, --min-efficiency, --max-wasted read the stagecraft figures unless told to read dive\'s', () => {
    const r = report({ size: 2000, dive: [0.5, 900, 1], st: [0.95, 50, 0.01] });
    assert.deepEqual(checkThresholds(r, { maxSize: 2000, minEfficiency: 0.9, maxWasted: 100 }).map((c) => c.passed), [true, true, true]);
    assert.deepEqual(checkThresholds(r, { maxSize: 1999, minEfficiency: 0.9, maxWasted: 100, figures: 'dive' }).map((c) => c.passed), [false, false, false]);
  });

  it('reads sizes in decimal units (binary with an i) and ratios as fractions or percents', () => {
    assert.equal(parseBytes('20MB'), 20_000_000);
    assert.equal(parseBytes('200mb'), 200_000_000);
    assert.equal(parseBytes('1.5GB'), 1_500_000_000);
    assert.equal(parseBytes('300MiB'), 300 * 1024 * 1024);
    assert.equal(parseBytes('4096'), 4096);
    assert.throws(() => parseBytes('lots'), /cannot read "lots"/);
    assert.equal(parseRatio('95%', 'x'), 0.95);
    assert.equal(parseRatio('0.9', 'x'), 0.9);
    assert.equal(formatBytes(74_244_662), '74.2 MB');
  });
});
