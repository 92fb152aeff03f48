// Builds image archives in memory for the tests: layer tars, classic `docker save` and OCI layouts.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tarStream from 'tar-stream';

export interface EntrySpec {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  content?: string | Buffer;
  linkname?: string;
}

export function packTar(entries: EntrySpec[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pack = tarStream.pack();
    const chunks: Buffer[] = [];
    pack.on('data', (c: unknown) => {
      chunks.push(c as Buffer);
    });
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    pack.on('error', reject);
    for (const e of entries) {
      const type = e.type ?? 'file';
      const body = type === 'file' ? Buffer.from(e.content ?? '') : undefined;
      pack.entry({ name: e.name, type, linkname: e.linkname, mode: type === 'directory' ? 0o755 : 0o644, mtime: new Date(0) }, body as Buffer);
    }
    pack.finalize();
  });
}

/** `n` bytes of content (a file whose size is what the test is about). */
export const bytes = (n: number, fill = 'x') => Buffer.alloc(n, fill);

export const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface HistorySpec {
  created_by?: string;
  created?: string;
  comment?: string;
  empty_layer?: boolean;
}

export function configFor(layerTars: Buffer[], extra: Record<string, unknown> = {}, history?: HistorySpec[]) {
  return {
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/usr/bin'], Cmd: ['node', 'server.js'], ...((extra.config as object) ?? {}) },
    rootfs: { type: 'layers', diff_ids: layerTars.map(sha256) },
    history: history ?? layerTars.map((_, i) => ({ created_by: `RUN step ${i} # buildkit`, comment: 'buildkit.dockerfile.v0', created: '2026-01-01T00:00:00Z' })),
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'config')),
  };
}

/** The classic `docker save` layout: one folder per layer, then the config, then manifest.json (last, as Docker writes it). */
export async function classicArchive(layerTars: Buffer[], opts: { config?: object; tag?: string } = {}): Promise<Buffer> {
  const config = Buffer.from(JSON.stringify(opts.config ?? configFor(layerTars)));
  const configName = `${sha256(config).slice(7)}.json`;
  const entries: EntrySpec[] = [];
  const layerPaths: string[] = [];
  // Folder names are not in layer order in real archives: sort them by a hash.
  const order = layerTars.map((t, i) => ({ t, i, dir: createHash('sha256').update(`layer${i}`).digest('hex') })).sort((a, b) => (a.dir < b.dir ? -1 : 1));
  // Docker writes a layer seen twice once, and links the second folder's layer.tar to it.
  const firstDir = new Map<string, string>();
  for (const { t, dir } of order) {
    entries.push({ name: `${dir}/`, type: 'directory' }, { name: `${dir}/VERSION`, content: '1.0' });
    const seen = firstDir.get(sha256(t));
    if (seen) entries.push({ name: `${dir}/layer.tar`, type: 'symlink', linkname: `../${seen}/layer.tar` });
    else {
      firstDir.set(sha256(t), dir);
      entries.push({ name: `${dir}/layer.tar`, content: t });
    }
  }
  for (let i = 0; i < layerTars.length; i++) layerPaths.push(`${order.find((o) => o.i === i)!.dir}/layer.tar`);
  entries.push({ name: configName, content: config });
  entries.push({ name: 'manifest.json', content: JSON.stringify([{ Config: configName, RepoTags: [opts.tag ?? 'example:latest'], Layers: layerPaths }]) });
  entries.push({ name: 'repositories', content: '{}' });
  return packTar(entries);
}

export type LayerEncoding = 'none' | 'gzip' | { zstd: Buffer };

export interface OciImageSpec {
  layerTars: Buffer[];
  encoding?: LayerEncoding;
  config?: object;
  platform?: { os: string; architecture: string; variant?: string };
}

/** An OCI layout as Docker 25+ writes it: blobs first, index.json and manifest.json at the end; images may sit behind a nested index. */
export async function ociArchive(images: OciImageSpec[], opts: { nested?: boolean; tag?: string } = {}): Promise<Buffer> {
  const blobs = new Map<string, Buffer>();
  const addBlob = (b: Buffer) => {
    const d = sha256(b);
    blobs.set(d, b);
    return d;
  };
  const manifests: { digest: string; size: number; platform?: object; mediaType: string }[] = [];
  const legacy: { Config: string; RepoTags: string[]; Layers: string[] }[] = [];
  for (const img of images) {
    const config = Buffer.from(JSON.stringify(img.config ?? configFor(img.layerTars, img.platform ? { architecture: img.platform.architecture, os: img.platform.os } : {})));
    const configDigest = addBlob(config);
    const layers = img.layerTars.map((t) => {
      const enc = img.encoding ?? 'none';
      const blob = enc === 'none' ? t : enc === 'gzip' ? gzipSync(t) : enc.zstd;
      const mediaType = enc === 'none' ? 'application/vnd.oci.image.layer.v1.tar' : enc === 'gzip' ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.oci.image.layer.v1.tar+zstd';
      return { mediaType, digest: addBlob(blob), size: blob.length };
    });
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length }, layers }));
    manifests.push({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: addBlob(manifest), size: manifest.length, ...(img.platform ? { platform: img.platform } : {}) });
    legacy.push({ Config: `blobs/sha256/${configDigest.slice(7)}`, RepoTags: [opts.tag ?? 'example:latest'], Layers: layers.map((l) => `blobs/sha256/${l.digest.slice(7)}`) });
  }
  let top = manifests;
  if (opts.nested) {
    const nested = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }));
    top = [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: addBlob(nested), size: nested.length }];
  }
  const index = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: top.map((m) => ({ ...m, annotations: { 'io.containerd.image.name': `docker.io/library/${opts.tag ?? 'example:latest'}`, 'org.opencontainers.image.ref.name': 'latest' } })) };
  const entries: EntrySpec[] = [{ name: 'blobs/', type: 'directory' }, { name: 'blobs/sha256/', type: 'directory' }];
  for (const [d, b] of blobs) entries.push({ name: `blobs/sha256/${d.slice(7)}`, content: b });
  entries.push({ name: 'index.json', content: JSON.stringify(index) }, { name: 'manifest.json', content: JSON.stringify(legacy.slice(0, 1)) }, { name: 'oci-layout', content: '{"imageLayoutVersion":"1.0.0"}' });
  return packTar(entries);
}

/** Writes a buffer to a new temp file and returns its path. */
export function tempFile(content: Buffer, name = 'image.tar'): string {
  const dir = mkdtempSync(join(tmpdir(), 'stagecraft-image-test-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
