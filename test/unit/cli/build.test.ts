import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main.js';

/** Runs the CLI in-process with stderr captured (these cases stop before any docker call). */
async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(['node', 'stagecraft', ...args]), stderr };
  } finally {
    process.stderr.write = write;
  }
}

describe('stagecraft build (CLI)', () => {
  it('--compare and --compare-naive together: usage error, exit 2', async () => {
    const r = await run(['build', '.', '--compare', 'Dockerfile.old', '--compare-naive']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--compare and --compare-naive are alternatives/);
  });

  it('no Dockerfile: exit 2, pointing at stagecraft init', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stagecraft-cli-build-'));
    const r = await run(['build', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no Dockerfile at .*Dockerfile/);
    assert.match(r.stderr, /hint: run `stagecraft init`/);
  });

  it('an unknown --progress mode is a usage error', async () => {
    const r = await run(['build', '.', '--progress', 'fancy']);
    assert.equal(r.code, 2);
  });
});
