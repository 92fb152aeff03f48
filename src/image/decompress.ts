import { Readable, Transform, pipeline, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';
import type { Compression } from './types.js';

/** Node 20's zlib has no zstd: fzstd decodes it in pure JS, chunk by chunk. */
class ZstdDecoder extends Transform {
  private readonly decoder: Decompress;
  constructor() {
    super();
    this.decoder = new Decompress((data) => {
      this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      cb();
    } catch (err) {
      cb(new Error(`zstd: ${(err as Error).message}`));
    }
  }
  override _flush(cb: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(0), true);
      cb();
    } catch (err) {
      cb(new Error(`zstd: ${(err as Error).message || 'truncated stream'}`));
    }
  }
}

/** The decompressed bytes of a blob stream, as a stream (never buffered whole). */
export function decompressStream(source: AsyncIterable<Buffer>, compression: Compression): AsyncIterable<Buffer> {
  const input = Readable.from(source, { objectMode: false });
  if (compression === 'none') return input;
  const decoder = compression === 'gzip' ? createGunzip({ chunkSize: 256 * 1024 }) : new ZstdDecoder();
  return pipeline(input, decoder, () => {});
}
