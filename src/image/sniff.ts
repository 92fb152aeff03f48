import type { Compression } from './types.js';

export type BlobKind = Compression | 'json' | 'unknown';

/** What a blob holds, told by its first bytes (media types in archives are not always right). */
export function sniffBlob(head: Uint8Array): BlobKind {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  if (isTarHeader(head)) return 'none';
  for (const b of head) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b || b === 0x5b ? 'json' : 'unknown';
  }
  return 'unknown';
}

/** `ustar` magic at offset 257, or an old-style header whose checksum adds up; an empty tar is all zeros. */
function isTarHeader(head: Uint8Array): boolean {
  if (head.length < 512) return false;
  if (head[257] === 0x75 && head[258] === 0x73 && head[259] === 0x74 && head[260] === 0x61 && head[261] === 0x72) return true;
  if (head.subarray(0, 512).every((b) => b === 0)) return true;
  const stored = parseInt(Buffer.from(head.subarray(148, 156)).toString('latin1').replace(/\0.*$/, '').trim(), 8);
  if (!Number.isFinite(stored)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : head[i]!;
  return sum === stored;
}
