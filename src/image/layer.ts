import { posix } from 'node:path';
import { decompressStream } from './decompress.js';
import { readTar } from './tar.js';
import type { Compression, EntryKind, LayerEntry, ParsedLayer } from './types.js';

/** Which small files' contents the analysis reads (for dev-dependency checks), and their size cap. */
export type CapturePredicate = (path: string, size: number) => boolean;

const maxCapture = 1024 * 1024;

export const defaultCapture: CapturePredicate = (path, size) =>
  size <= maxCapture && posix.basename(path) === 'package.json' && !path.includes('node_modules/');

/** `./usr/bin/` -> `usr/bin`; `/` and `.` -> '' */
export function normalisePath(name: string): string {
  let p = posix.normalize(`/${name}`);
  if (p.endsWith('/')) p = p.slice(0, -1);
  return p.slice(1);
}

function kindOf(type: string): EntryKind {
  switch (type) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

const whiteoutPrefix = '.wh.';
const opaqueMarker = '.wh..wh..opq';

/** Turns a tar header into a layer entry, or undefined for entries that carry nothing (the root). */
export function toLayerEntry(name: string, type: string, size: number, linkname?: string | null, mode?: number): LayerEntry | undefined {
  const path = normalisePath(name);
  if (path === '') return undefined;
  const kind = kindOf(type);
  const base = posix.basename(path);
  const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
  if (base === opaqueMarker) return { path: dir, kind, size: 0, whiteout: 'opaque' };
  if (base.startsWith(whiteoutPrefix)) {
    const target = base.slice(whiteoutPrefix.length);
    // A bare `.wh.` or another `.wh..wh.` marker names nothing: keep it as a plain entry.
    if (target !== '' && !target.startsWith(whiteoutPrefix)) return { path: dir ? `${dir}/${target}` : target, kind, size: 0, whiteout: 'file' };
  }
  const entry: LayerEntry = { path, kind, size: kind === 'file' ? size : 0 };
  if (linkname) entry.linkname = kind === 'hardlink' ? normalisePath(linkname) : linkname;
  if (mode !== undefined) entry.mode = mode;
  return entry;
}

/** Reads a layer blob as a stream: decompresses it and keeps each entry's metadata, never its content. */
export async function parseLayer(
  blob: AsyncIterable<Buffer>,
  compression: Compression,
  capture: CapturePredicate = defaultCapture,
): Promise<ParsedLayer> {
  let blobBytes = 0;
  let tarBytes = 0;
  async function* countBlob() {
    for await (const chunk of blob) {
      blobBytes += chunk.length;
      yield chunk;
    }
  }
  async function* countTar(src: AsyncIterable<Buffer>) {
    for await (const chunk of src) {
      tarBytes += chunk.length;
      yield chunk;
    }
  }
  const layer: ParsedLayer = { entries: [], compression, blobBytes: 0, tarBytes: 0, regularBytes: 0, symlinkBytes: 0, captured: new Map() };
  await readTar(countTar(decompressStream(countBlob(), compression)), async (header, content) => {
    const entry = toLayerEntry(header.name, header.type, header.size, header.linkname, header.mode);
    if (!entry) return;
    layer.entries.push(entry);
    if (entry.whiteout) return;
    if (entry.kind === 'file') layer.regularBytes += entry.size;
    if (entry.kind === 'symlink' && entry.linkname) layer.symlinkBytes += Buffer.byteLength(entry.linkname);
    if (entry.kind === 'file' && capture(entry.path, entry.size)) {
      const chunks: Buffer[] = [];
      for await (const c of content) chunks.push(c);
      layer.captured.set(entry.path, Buffer.concat(chunks));
    }
  });
  layer.blobBytes = blobBytes;
  layer.tarBytes = tarBytes;
  return layer;
}
