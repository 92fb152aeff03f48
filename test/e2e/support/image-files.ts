import { spawn } from 'node:child_process';
import tar from 'tar-stream';
import { dockerBinary, dockerOk } from './exec.js';

export interface ImageFiles {
  /** Every path in the image's filesystem, absolute ('/app/server.js'); directories end without a slash. */
  paths: string[];
  /** Paths of regular files whose content contains one of the needles, per needle. */
  found: Map<string, string[]>;
}

/**
 * Lists an image's filesystem by exporting a (never started) container of it and reading the tar
 * stream; optionally scans regular files for needles (a secret that must not have leaked under any
 * name). Works on shell-less images: nothing runs inside.
 */
export async function imageFiles(image: string, needles: string[] = []): Promise<ImageFiles> {
  // A command is required by `create` for images without CMD/ENTRYPOINT (distroless static); it never runs.
  const created = await dockerOk(['create', image, '/stagecraft-e2e-never-runs']);
  const id = created.stdout.trim();
  try {
    return await exportAndRead(id, needles.map((n) => Buffer.from(n)));
  } finally {
    await dockerOk(['rm', '-f', id]).catch(() => undefined);
  }
}

function exportAndRead(container: string, needles: Buffer[]): Promise<ImageFiles> {
  return new Promise((resolve, reject) => {
    const child = spawn(dockerBinary, ['export', container], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const paths: string[] = [];
    const found = new Map<string, string[]>(needles.map((n) => [n.toString(), []]));
    const longest = Math.max(0, ...needles.map((n) => n.length));
    const extract = tar.extract();
    extract.on('entry', (headerInfo, stream, next) => {
      const path = `/${headerInfo.name.replace(/^\.?\/+/, '').replace(/\/+$/, '')}`;
      if (path !== '/') paths.push(path);
      if (headerInfo.type !== 'file' || needles.length === 0) {
        stream.on('end', next).resume();
        return;
      }
      // Keep the end of the previous chunk so a needle split across chunks is still seen.
      let carry: Buffer = Buffer.alloc(0);
      const hits = new Set<number>();
      stream.on('data', (data: unknown) => {
        const chunk = data as Buffer;
        const window: Buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        needles.forEach((n, i) => { if (!hits.has(i) && window.includes(n)) hits.add(i); });
        carry = window.subarray(Math.max(0, window.length - longest + 1));
      });
      stream.on('end', () => {
        for (const i of hits) found.get(needles[i]!.toString())!.push(path);
        next();
      });
    });
    // Done when both the tar stream is fully read and the client has exited.
    let finished = false;
    let exitCode: number | null | undefined;
    const settle = () => {
      if (exitCode === undefined) return;
      if (exitCode !== 0) reject(new Error(`docker export ${container} exited ${exitCode}: ${stderr.trim()}`));
      else if (finished) resolve({ paths, found });
    };
    extract.on('finish', () => { finished = true; settle(); });
    extract.on('error', reject);
    child.on('error', reject);
    child.stdout.pipe(extract);
    child.on('close', (code) => { exitCode = code; settle(); });
  });
}
