import * as fs from 'node:fs';
import { sep } from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';

/** Files and bytes under a folder that the build does not send. */
export interface TreeTotals {
  files: number;
  bytes: number;
}

/**
 * Plain JS, run both inline and in a worker (no imports to resolve, so it works the same from
 * dist/ and under tsx): counts the files and bytes below a folder, links not followed, errors
 * skipped (the folder is excluded: nothing there reaches the build).
 */
const MEASURE_FN = `function measureTree(fs, sep, start) {
  let files = 0, bytes = 0;
  const stack = [start];
  while (stack.length > 0) {
    const dir = stack.pop();
    let entries;
    try { entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }); } catch { continue; }
    for (const e of entries) {
      const child = Buffer.concat([dir, sep, e.name]);
      if (e.isDirectory()) { stack.push(child); continue; }
      try { bytes += fs.lstatSync(child).size; files++; } catch {}
    }
  }
  return { files, bytes };
}`;

const measureFn = new Function('fs', 'sep', 'start', `${MEASURE_FN}\nreturn measureTree(fs, sep, start);`) as (fs: unknown, sep: Buffer, start: Buffer) => TreeTotals;
const sepBuffer = Buffer.from(sep);

/** Counts a folder's files and bytes here, on this thread. */
export function measureTree(abs: string | Buffer): TreeTotals {
  return measureFn(fs, sepBuffer, asBuffer(abs));
}

const WORKER_SRC = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const sep = Buffer.from(require('node:path').sep);
${MEASURE_FN}
const { port, flag } = workerData;
const done = new Int32Array(flag);
parentPort.on('message', (m) => {
  if (m.end) {
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
    return;
  }
  port.postMessage({ id: m.id, ...measureTree(fs, sep, Buffer.from(m.path)) });
});
`;

const asBuffer = (p: string | Buffer): Buffer => (typeof p === 'string' ? Buffer.from(p) : p);

/**
 * Measures excluded folders while the walk goes on: the folders are handed to a worker thread as
 * the walk finds them, so on a machine with two cores the counting of node_modules and .git
 * overlaps with the walk instead of adding to it. `finish()` blocks until every folder is
 * counted. Falls back to counting inline when a worker cannot start.
 */
export class ExcludedTreeMeter {
  private worker: Worker | undefined;
  private port: MessageChannel['port1'] | undefined;
  private flag: SharedArrayBuffer | undefined;
  private failed = false;
  private readonly inline = new Map<number, TreeTotals>();
  private count = 0;

  constructor(private readonly useWorker = true) {}

  /** Queues a folder; returns its id for `finish()`'s map. */
  add(abs: string | Buffer): number {
    const id = this.count++;
    if (this.useWorker && !this.failed && !this.worker) this.start();
    if (this.worker) this.worker.postMessage({ id, path: asBuffer(abs) });
    else this.inline.set(id, measureTree(abs));
    return id;
  }

  private start(): void {
    try {
      const channel = new MessageChannel();
      this.flag = new SharedArrayBuffer(4);
      this.worker = new Worker(WORKER_SRC, { eval: true, workerData: { port: channel.port2, flag: this.flag }, transferList: [channel.port2] });
      this.worker.unref();
      this.port = channel.port1;
    } catch {
      this.failed = true;
      this.worker = undefined;
    }
  }

  /** Waits for the worker and returns the totals by id. */
  finish(): Map<number, TreeTotals> {
    const out = new Map(this.inline);
    if (!this.worker || !this.port || !this.flag) return out;
    this.worker.postMessage({ end: true });
    const done = new Int32Array(this.flag);
    // The worker answers in order, then raises the flag; a worker that died would never raise it.
    while (Atomics.load(done, 0) === 0) {
      if (Atomics.wait(done, 0, 0, 10_000) === 'timed-out') break;
    }
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const r = m.message as { id: number } & TreeTotals;
      out.set(r.id, { files: r.files, bytes: r.bytes });
    }
    void this.worker.terminate();
    this.port.close();
    this.worker = undefined;
    return out;
  }
}
