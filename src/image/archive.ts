import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { decompressStream } from './decompress.js';
import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { UserError, ExitCode } from '../util/errors.js';
import { parseLayer, normalisePath, defaultCapture, type CapturePredicate } from './layer.js';
import { sniffBlob } from './sniff.js';
import { readTar } from './tar.js';
import type { ParsedLayer } from './types.js';

/** Everything one streaming pass over an image archive keeps: small JSON documents and layer metadata. */
export interface ArchiveScan {
  /** Parsed JSON documents (manifest.json, index.json, configs, manifests) by path in the archive. */
  json: Map<string, unknown>;
  /** Layer tars read as they streamed past, by path in the archive. */
  layers: Map<string, ParsedLayer>;
  /** Blobs that looked like layers but could not be read, with the reason (reported only if referenced). */
  broken: Map<string, string>;
  /** Every regular file in the archive with its size. */
  files: Map<string, number>;
  /** Symlinks in the archive (classic `docker save` links a layer seen twice to its first copy), to their targets. */
  links: Map<string, string>;
}

const maxJsonBytes = 16 * 1024 * 1024;

/** Reads the first bytes of a stream (at least `n`, or all of a shorter one) and hands back the rest. */
async function peek(source: AsyncIterable<Buffer>, n: number): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    chunks.push(r.value);
    length += r.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* rest() {
    yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, rest: rest() };
}

async function readAll(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of source) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Follows the archive's symlinks from a path to the file it names. */
export function resolveArchivePath(scan: ArchiveScan, path: string): string {
  let p = normalisePath(path);
  for (let hops = 0; hops < 8 && scan.links.has(p); hops++) p = scan.links.get(p)!;
  return p;
}

export interface ScanOptions {
  capture?: CapturePredicate;
  /** Skip reading layers (only the JSON documents are wanted, e.g. for a base image's diff_ids). */
  configOnly?: boolean;
}

/**
 * One pass over a `docker save` archive (classic or OCI layout): blobs are told apart by content;
 * layer tars are read as streams while they pass. Docker writes the manifests after the blobs, so
 * which blob is which layer is resolved afterwards from the JSON kept here.
 */
export async function scanArchive(file: string, options: ScanOptions = {}): Promise<ArchiveScan> {
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(err.code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${err.message}`, ExitCode.usage);
  });
  if (!info.isFile()) throw new UserError(`${file} is not a file (expected an image archive from \`docker save\`)`, ExitCode.usage);
  const scan: ArchiveScan = { json: new Map(), layers: new Map(), broken: new Map(), files: new Map(), links: new Map() };
  let entries = 0;
  try {
    // `docker save img | gzip > img.tar.gz` (or zstd): the whole archive compressed, read through the decoder.
    const outer = sniffBlob(readHead(file, 4));
    const raw = createReadStream(file, { highWaterMark: 1024 * 1024 });
    const source = outer === 'gzip' || outer === 'zstd' ? decompressStream(raw, outer) : raw;
    await readTar(source, async (header, content) => {
      entries++;
      if (header.type === 'symlink' && header.linkname) {
        const from = normalisePath(header.name);
        scan.links.set(from, normalisePath(posix.join(posix.dirname(from), header.linkname)));
        return;
      }
      if (header.type !== 'file' && header.type !== 'contiguous-file') return;
      const path = normalisePath(header.name);
      scan.files.set(path, header.size);
      const { head, rest } = await peek(content, 512);
      const kind = sniffBlob(head);
      if (kind === 'json') {
        if (header.size > maxJsonBytes) return;
        const text = (await readAll(rest)).toString('utf8');
        try {
          scan.json.set(path, JSON.parse(text));
        } catch {
          // Not JSON after all (or cut): resolution reports it if it is needed.
        }
        return;
      }
      if (kind === 'unknown' || options.configOnly) return;
      try {
        scan.layers.set(path, await parseLayer(rest, kind, options.capture ?? defaultCapture));
      } catch (err) {
        scan.broken.set(path, (err as Error).message);
        // The outer stream must go on: drain what the layer parser left.
        for await (const _ of rest) void _;
      }
    });
  } catch (err) {
    throw new UserError(
      `${file}: the archive is corrupt or truncated (${(err as Error).message})`,
      ExitCode.usage,
      undefined,
      undefined,
      'save it again with `docker save -o image.tar IMAGE`',
    );
  }
  if (entries === 0) throw new UserError(`${file}: not an image archive (no tar entries)`, ExitCode.usage);
  return scan;
}

/** The first bytes of a file (fewer when it is shorter). */
function readHead(file: string, bytes: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}
