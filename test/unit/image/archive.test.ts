import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeArchive, archiveDiffIds } from '../../../src/image/analyze.js';
import { UserError } from '../../../src/util/errors.js';
import { bytes, classicArchive, configFor, ociArchive, packTar, sha256, tempFile } from './archive-builder.js';
import { zstdLayerEntries } from './fixtures/zstd-layer.js';

const zstdBlob = readFileSync(new URL('./fixtures/zstd-layer.tar.zst', import.meta.url));

async function twoLayers() {
  const l0 = await packTar([{ name: 'etc/', type: 'directory' }, { name: 'etc/os-release', content: bytes(100) }, { name: 'bin/', type: 'directory' }, { name: 'bin/sh', content: bytes(1000) }]);
  const l1 = await packTar([{ name: 'app/', type: 'directory' }, { name: 'app/index.js', content: bytes(250) }, { name: 'app/current', type: 'symlink', linkname: 'index.js' }]);
  return [l0, l1];
}

describe('archive reader', () => {
  it('reads the classic docker save layout, layers resolved from manifest.json written last', async () => {
    const layers = await twoLayers();
    const file = tempFile(await classicArchive(layers, { tag: 'demo:1' }));
    const r = await analyzeArchive(file);
    assert.equal(r.archiveLayout, 'docker');
    assert.equal(r.name, 'demo:1');
    assert.deepEqual(r.layers.map((l) => l.digest), layers.map(sha256));
    assert.deepEqual(r.layers.map((l) => l.contentBytes), [1100, 250]);
    assert.deepEqual(r.layers.map((l) => l.tarBytes), layers.map((l) => l.length));
    assert.equal(r.layers[1]!.createdBy, 'RUN step 1 # buildkit');
    assert.equal(r.fileCount, 4);
    assert.equal(r.filesystemBytes, 1350);
    assert.deepEqual(r.config.cmd, ['node', 'server.js']);
  });

  it('follows the symlink classic docker save writes for a layer seen twice', async () => {
    const empty = await packTar([]);
    const l0 = await packTar([{ name: 'a', content: bytes(10) }]);
    const file = tempFile(await classicArchive([l0, empty, empty]));
    const r = await analyzeArchive(file);
    assert.deepEqual(r.layers.map((l) => [l.digest, l.size]), [[sha256(l0), 10], [sha256(empty), 0], [sha256(empty), 0]]);
  });

  it('reads an OCI layout with gzip layers', async () => {
    const layers = await twoLayers();
    const file = tempFile(await ociArchive([{ layerTars: layers, encoding: 'gzip' }]));
    const r = await analyzeArchive(file);
    assert.equal(r.archiveLayout, 'oci');
    assert.deepEqual(r.layers.map((l) => l.compression), ['gzip', 'gzip']);
    assert.deepEqual(r.layers.map((l) => l.digest), layers.map(sha256));
    assert.ok(r.layers.every((l) => l.blobDigest?.startsWith('sha256:') && l.blobBytes < l.tarBytes));
    assert.equal(r.filesystemBytes, 1350);
  });

  it('reads zstd layers (sniffed by content) and plain ones in one image', async () => {
    const [l0] = await twoLayers();
    const zstdTar = await packTar(zstdLayerEntries);
    const file = tempFile(await ociArchive([{ layerTars: [zstdTar], encoding: { zstd: zstdBlob } }]));
    const r = await analyzeArchive(file, { files: true });
    assert.equal(r.layers[0]!.compression, 'zstd');
    assert.equal(r.layers[0]!.tarBytes, zstdTar.length);
    assert.deepEqual(r.files!.map((f) => [f.path, f.size]), [['/app/data.bin', 3000], ['/app/link', 0], ['/app/server.js', 40 * 40]]);
    assert.ok(l0);
  });

  it('picks the platform from a nested index: the host by default, --platform when given', async () => {
    const amd = await packTar([{ name: 'amd64.txt', content: bytes(10) }]);
    const arm = await packTar([{ name: 'arm64.txt', content: bytes(20) }]);
    const file = tempFile(
      await ociArchive(
        [
          { layerTars: [amd], platform: { os: 'linux', architecture: 'amd64' } },
          { layerTars: [arm], platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        ],
        { nested: true },
      ),
    );
    const arm64 = await analyzeArchive(file, { platform: { os: 'linux', architecture: 'arm64' }, files: true });
    assert.deepEqual(arm64.files!.map((f) => f.path), ['/arm64.txt']);
    assert.equal(arm64.platform.variant, 'v8');
    const amd64 = await analyzeArchive(file, { platform: { os: 'linux', architecture: 'amd64' }, files: true });
    assert.deepEqual(amd64.files!.map((f) => f.path), ['/amd64.txt']);
    await assert.rejects(analyzeArchive(file, { platform: { os: 'linux', architecture: 's390x' } }), (err: UserError) => {
      assert.match(err.message, /no image for linux\/s390x \(it has: linux\/amd64, linux\/arm64\/v8\)/);
      return true;
    });
    const byHost = await analyzeArchive(file, { files: true });
    assert.equal(byHost.files!.length, 1);
  });

  it('reads only the config when asked for the layer digests', async () => {
    const layers = await twoLayers();
    const file = tempFile(await classicArchive(layers));
    assert.deepEqual(await archiveDiffIds(file), layers.map(sha256));
  });

  it('says clearly when the file is missing, truncated, corrupt or not an image', async () => {
    await assert.rejects(analyzeArchive('/nonexistent/image.tar'), (err: UserError) => err instanceof UserError && /no such file/.test(err.message) && err.exitCode === 2);
    const layers = await twoLayers();
    const whole = await classicArchive(layers);
    // Cut inside an entry, and at an entry boundary (a tar reader cannot tell the latter from the end).
    const inside = tempFile(whole.subarray(0, Math.floor(whole.length / 2) + 100));
    await assert.rejects(analyzeArchive(inside), (err: UserError) => err instanceof UserError && err.exitCode === 2 && /corrupt or truncated \(Unexpected end of data\)/.test(err.message));
    const manifestHeader = whole.indexOf(Buffer.from('manifest.json\0'));
    assert.equal(manifestHeader % 512, 0);
    const atBoundary = tempFile(whole.subarray(0, manifestHeader));
    await assert.rejects(analyzeArchive(atBoundary), (err: UserError) => err instanceof UserError && err.exitCode === 2 && /incomplete/.test(err.message));
    const garbage = tempFile(Buffer.from('this is not a tar archive at all, just text'.repeat(40)));
    await assert.rejects(analyzeArchive(garbage), (err: UserError) => err instanceof UserError && err.exitCode === 2);
    const notImage = tempFile(await packTar([{ name: 'hello.txt', content: 'hi' }]));
    await assert.rejects(analyzeArchive(notImage), /neither index.json nor manifest.json/);
  });

  it('reports a corrupt layer blob and a missing layer as such', async () => {
    const layers = await twoLayers();
    const good = await ociArchive([{ layerTars: layers, encoding: 'gzip' }]);
    // Cut a gzip layer short inside an otherwise well-formed archive.
    const { gzipSync } = await import('node:zlib');
    const broken = gzipSync(layers[1]!).subarray(0, 40);
    const cfg = configFor(layers);
    const entries = [
      { name: `blobs/sha256/${sha256(gzipSync(layers[0]!)).slice(7)}`, content: gzipSync(layers[0]!) },
      { name: 'blobs/sha256/bad', content: broken },
      { name: 'blobs/sha256/cfg', content: JSON.stringify(cfg) },
      { name: 'blobs/sha256/mf', content: JSON.stringify({ config: { digest: 'sha256:cfg' }, layers: [{ digest: sha256(gzipSync(layers[0]!)) }, { digest: 'sha256:bad' }, { digest: 'sha256:gone' }] }) },
      { name: 'index.json', content: JSON.stringify({ manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:mf' }] }) },
    ];
    const file = tempFile(await packTar(entries));
    await assert.rejects(analyzeArchive(file), (err: UserError) => /layer blobs\/sha256\/bad is corrupt or truncated/.test(err.message));
    assert.ok(good.length > 0);
    writeFileSync(file, await packTar(entries.filter((e) => e.name !== 'blobs/sha256/bad').map((e) => (e.name === 'blobs/sha256/mf' ? { ...e, content: JSON.stringify({ config: { digest: 'sha256:cfg' }, layers: [{ digest: 'sha256:gone' }] }) } : e))));
    await assert.rejects(analyzeArchive(file), /incomplete: layer blobs\/sha256\/gone is missing/);
  });
});

describe('a whole archive compressed (docker save img | gzip > img.tar.gz)', () => {
  it('is read through the decoder with the same result as the plain archive; a cut one is an exit 2', async () => {
    const { gzipSync } = await import('node:zlib');
    const plain = await classicArchive(await twoLayers(), { tag: 'demo:1' });
    const expected = await analyzeArchive(tempFile(plain));
    const gz = gzipSync(plain);
    const r = await analyzeArchive(tempFile(gz, 'image.tar.gz'));
    assert.equal(r.name, 'demo:1');
    assert.deepEqual(r.layers.map((l) => [l.digest, l.size]), expected.layers.map((l) => [l.digest, l.size]));
    assert.equal(r.size, expected.size);
    await assert.rejects(analyzeArchive(tempFile(gz.subarray(0, gz.length >> 1), 'cut.tar.gz')), (e: unknown) => e instanceof UserError && e.exitCode === 2 && /corrupt or truncated/.test(e.message));
  });
});

describe('--platform on a classic archive (one image)', () => {
  it('is checked against the image: a match reads it, another platform is an exit 2 naming what is there', async () => {
    const file = tempFile(await classicArchive(await twoLayers(), { config: configFor(await twoLayers(), { os: 'linux', architecture: 'amd64' }) }));
    const r = await analyzeArchive(file, { platform: { os: 'linux', architecture: 'amd64' } });
    assert.equal(r.platform.architecture, 'amd64');
    await assert.rejects(
      analyzeArchive(file, { platform: { os: 'linux', architecture: 'arm64' } }),
      (e: unknown) => e instanceof UserError && e.exitCode === 2 && /no image for linux\/arm64 \(it has: linux\/amd64\)/.test(e.message),
    );
  });
});
