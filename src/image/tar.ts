import tarStream from 'tar-stream';

export interface TarEntryHeader {
  name: string;
  type: string;
  size: number;
  linkname?: string | null;
  mode?: number;
}

/** Reads from an entry's stream: iterate it to consume the content; unread content is drained. */
export type TarEntryHandler = (header: TarEntryHeader, content: AsyncIterable<Buffer>) => Promise<void>;

/**
 * Streams a tar entry by entry: the next entry is parsed only after the handler resolved, and
 * memory holds at most one chunk. Rejects with the tar parser's error on a corrupt or cut tar.
 */
export function readTar(source: AsyncIterable<Buffer>, onEntry: TarEntryHandler): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const extract = tarStream.extract();
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      extract.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    extract.on('entry', (header, stream, next) => {
      const h: TarEntryHeader = { name: header.name, type: header.type ?? 'file', size: header.size ?? 0, linkname: header.linkname, mode: header.mode };
      onEntry(h, stream as unknown as AsyncIterable<Buffer>)
        .then(() => drain(stream as unknown as Drainable))
        .then(() => next(), fail);
    });
    extract.on('finish', () => { if (!failed) resolve(); });
    extract.on('error', fail);
    let waiting: (() => void) | undefined;
    const wake = () => {
      const w = waiting;
      waiting = undefined;
      w?.();
    };
    extract.on('drain', wake);
    extract.on('close', wake);
    (async () => {
      for await (const chunk of source) {
        if (failed) return;
        if (!extract.write(chunk)) await new Promise<void>((r) => (waiting = r));
      }
      if (!failed) extract.end(undefined as never);
    })().catch(fail);
  });
}

interface Drainable {
  on(event: string, fn: (...args: unknown[]) => void): unknown;
  resume(): unknown;
  readableEnded?: boolean;
  destroyed?: boolean;
}

function drain(s: Drainable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (s.readableEnded || s.destroyed) return resolve();
    s.on('end', () => resolve());
    s.on('close', () => resolve());
    s.on('error', reject);
    s.resume();
  });
}
