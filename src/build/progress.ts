/**
 * Parses BuildKit's `--progress=plain` output (the same shape from `docker buildx build` and from
 * `DOCKER_BUILDKIT=1 docker build`) into events and a per-step state:
 *
 *   #8 [deps 4/4] RUN npm ci        a step starts (vertex 8; stage deps, step 4 of 4)
 *   #8 sha256:...                   (20.10 prints the vertex digest; ignored)
 *   #8 0.131 added 3 packages       the step's output, with BuildKit's timestamp
 *   #8 CACHED | #8 DONE 1.1s        how it ended
 *   #8 ERROR: process ... exit code: 1
 *   ERROR: failed to solve: ...     (buildx) / "failed to solve with frontend ..." (20.10): the build's error
 */

export interface StepLabel {
  /** Stage name as BuildKit shows it (`deps`, `stage-0`); undefined for an unnamed single-stage build. */
  stage?: string;
  /** `linux/arm64` when the build targets several platforms. */
  platform?: string;
  /** 1-based position of the step in its stage (FROM is 1). */
  index: number;
  /** Number of steps BuildKit counts in the stage (FROM, RUN, COPY, ADD, WORKDIR). */
  total: number;
  /** The instruction as BuildKit shows it: `RUN npm ci`. */
  instruction: string;
}

export type ProgressEvent =
  | { type: 'vertex'; id: number; name: string; label?: StepLabel }
  | { type: 'log'; id: number; text: string }
  | { type: 'cached'; id: number }
  | { type: 'done'; id: number; seconds: number }
  | { type: 'vertex-error'; id: number; message: string }
  /** A line outside any vertex: the summary error at the end of a failed build, and the like. */
  | { type: 'message'; text: string };

export type StepStatus = 'running' | 'cached' | 'done' | 'error';

export interface VertexState {
  id: number;
  name: string;
  label?: StepLabel;
  /** `[internal] load ...`, `exporting to image`, and other non-Dockerfile vertices. */
  internal: boolean;
  status: StepStatus;
  seconds?: number;
  /** Output lines (timestamps removed), in order. */
  logs: string[];
  error?: string;
  /** When stagecraft saw it start (ms since the epoch), for the live view. */
  startedAt: number;
}

const stepLabelPattern = /^\[([^\]]*?)\s*(\d+)\/(\d+)\]\s+(.*)$/;

/** `[deps 4/4] RUN npm ci` → label; `[internal] load ...` → undefined. */
export function parseStepLabel(name: string): StepLabel | undefined {
  const m = stepLabelPattern.exec(name);
  if (!m) return undefined;
  const words = m[1]!.split(/\s+/).filter(Boolean);
  let platform: string | undefined;
  let stage: string | undefined;
  for (const w of words) {
    if (w.includes('/')) platform = w;
    else stage = w;
  }
  return { stage, platform, index: Number(m[2]), total: Number(m[3]), instruction: m[4]!.trim() };
}

const vertexLine = /^#(\d+) (.*)$/;
const timestamped = /^\d+\.\d+ (.*)$/;
const doneLine = /^DONE (\d+(?:\.\d+)?)s$/;
const digestLine = /^sha256:[0-9a-f]{64}$/;

/** Parses one line (without its newline). Returns the events it carries (0 or 1). */
export function parseProgressLine(line: string, known: ReadonlyMap<number, string>): ProgressEvent[] {
  const text = line.replace(/\r$/, '');
  const m = vertexLine.exec(text);
  if (!m) {
    if (!text.trim() || /^-{6,}$/.test(text.trim())) return [];
    return [{ type: 'message', text }];
  }
  const id = Number(m[1]);
  const rest = m[2]!;
  if (!known.has(id)) {
    return [{ type: 'vertex', id, name: rest, label: parseStepLabel(rest) }];
  }
  if (rest === known.get(id)) return []; // buildx repeats the header when it switches between vertices
  if (rest === 'CACHED') return [{ type: 'cached', id }];
  const done = doneLine.exec(rest);
  if (done) return [{ type: 'done', id, seconds: Number(done[1]) }];
  if (rest.startsWith('ERROR:')) return [{ type: 'vertex-error', id, message: rest.slice('ERROR:'.length).trim() }];
  if (rest.startsWith('CANCELED')) return [{ type: 'vertex-error', id, message: 'canceled' }];
  if (digestLine.test(rest)) return [];
  const ts = timestamped.exec(rest);
  return [{ type: 'log', id, text: ts ? ts[1]! : rest }];
}

/** Streaming parser: feed chunks, get events; `steps` holds every vertex's state. */
export class ProgressParser {
  readonly vertices = new Map<number, VertexState>();
  /** Lines outside vertices (the final error summary, mostly). */
  readonly messages: string[] = [];
  /** The whole log, as BuildKit printed it. */
  log = '';
  private pending = '';
  private names = new Map<number, string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Feeds a chunk of output; returns the events of the complete lines in it. */
  push(chunk: string): ProgressEvent[] {
    this.log += chunk;
    this.pending += chunk;
    const lines = this.pending.split('\n');
    this.pending = lines.pop()!;
    return lines.flatMap((l) => this.line(l));
  }

  /** Flushes a last line without a newline. */
  end(): ProgressEvent[] {
    const rest = this.pending;
    this.pending = '';
    return rest ? this.line(rest) : [];
  }

  private line(line: string): ProgressEvent[] {
    const events = parseProgressLine(line, this.names);
    for (const e of events) this.apply(e);
    return events;
  }

  private apply(e: ProgressEvent): void {
    if (e.type === 'message') {
      this.messages.push(e.text);
      return;
    }
    if (e.type === 'vertex') {
      this.names.set(e.id, e.name);
      this.vertices.set(e.id, { id: e.id, name: e.name, label: e.label, internal: !e.label, status: 'running', logs: [], startedAt: this.now() });
      return;
    }
    const v = this.vertices.get(e.id);
    if (!v) return;
    if (e.type === 'log') v.logs.push(e.text);
    else if (e.type === 'cached') v.status = 'cached';
    else if (e.type === 'done') {
      v.status = 'done';
      v.seconds = e.seconds;
    } else if (e.type === 'vertex-error') {
      v.status = 'error';
      v.error = e.message;
    }
  }

  /** Dockerfile steps (vertices with a `[stage i/n]` label), in the order BuildKit started them. */
  get steps(): VertexState[] {
    return [...this.vertices.values()].filter((v) => v.label);
  }

  /** The vertex that failed, when one did. */
  get failed(): VertexState | undefined {
    return [...this.vertices.values()].find((v) => v.status === 'error');
  }
}

/** Steps that count for "N of M from cache": every Dockerfile step but FROM (a base image is not a step the user wrote to run). */
export function countedSteps(steps: VertexState[]): VertexState[] {
  return steps.filter((s) => !/^FROM\s/i.test(s.label!.instruction));
}

/** Parses a whole recorded log at once. */
export function parseProgressLog(log: string): ProgressParser {
  const p = new ProgressParser(() => 0);
  p.push(log);
  p.end();
  return p;
}
