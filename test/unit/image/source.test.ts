import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectImage } from '../../../src/image/inspect.js';
import { archiveFor, looksLikePath } from '../../../src/image/source.js';
import { UserError } from '../../../src/util/errors.js';
import { bytes, classicArchive, packTar, tempFile } from './archive-builder.js';

describe('image name or archive', () => {
  it('an existing file is an archive; a missing path is an error; anything else is an image name', async () => {
    const file = tempFile(Buffer.from('x'));
    const src = await archiveFor(file, async () => assert.fail('must not save'));
    assert.equal(src.path, file);
    await assert.rejects(archiveFor('./missing/image.tar', async () => assert.fail('must not save')), (e: UserError) => e.exitCode === 2 && /no such file/.test(e.message));
    assert.equal(looksLikePath('node:20-slim'), false);
    assert.equal(looksLikePath('gcr.io/distroless/static-debian12:nonroot'), false);
    assert.equal(looksLikePath('out/image.tar'), true);
    await assert.rejects(archiveFor(mkdtempSync(join(tmpdir(), 'dir-')), async () => {}), /is a directory/);
  });

  it('an image name is saved to a temporary archive, read, and the archive deleted after', async () => {
    const archive = await classicArchive([await packTar([{ name: 'hello', content: bytes(42) }])], { tag: 'demo/app:1' });
    let saved = '';
    const r = await inspectImage('demo/app:1', {
      saver: async (name, path) => {
        assert.equal(name, 'demo/app:1');
        writeFileSync(path, archive);
        saved = path;
      },
    });
    assert.equal(r.name, 'demo/app:1');
    assert.equal(r.size, 42);
    assert.ok(saved && !existsSync(saved), 'the temporary archive is gone');
  });

  it('the temporary archive is deleted when saving fails too', async () => {
    let saved = '';
    await assert.rejects(
      inspectImage('demo/app:1', {
        saver: async (_name, path) => {
          writeFileSync(path, 'partial');
          saved = path;
          throw new UserError('no such image: demo/app:1');
        },
      }),
      /no such image/,
    );
    assert.ok(saved && !existsSync(saved));
  });
});
