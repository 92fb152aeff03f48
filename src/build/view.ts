import { plainPalette, type Palette } from '../util/palette.js';
import type { ProgressEvent, ProgressParser, VertexState } from './progress.js';
import { countedSteps } from './progress.js';

/** Shows build progress as it happens. Writes to stderr-like sinks; stdout stays free for --json. */
export interface ProgressView {
  event(e: ProgressEvent, state: ProgressParser): void;
  /** The build ended (ok or not): stop redrawing, leave a final line. */
  finish(state: ProgressParser, ok: boolean): void;
}


export interface ViewOptions {
  write: (s: string) => void;
  colors?: Palette;
  /** Label of what is being built (`stagecraft-local/app:latest`). */
  title: string;
  /** Terminal width, to keep redrawn lines on one row. */
  columns?: number;
  now?: () => number;
}

export function stepName(v: VertexState): string {
  const l = v.label!;
  return `${l.stage ? `${l.stage} ` : ''}${l.index}/${l.total}`;
}

function truncate(s: string, width: number): string {
  const one = s.replace(/[\t ]*[\r\n]+[\t ]*/g, ' ');
  return one.length <= width ? one : `${one.slice(0, Math.max(0, width - 1))}…`;
}

/** Plain lines, one per finished step: for logs, CI and pipes. */
export class PlainView implements ProgressView {
  private readonly c: Palette;
  constructor(private readonly o: ViewOptions) {
    this.c = o.colors ?? plainPalette;
  }

  event(e: ProgressEvent, state: ProgressParser): void {
    if (e.type !== 'cached' && e.type !== 'done' && e.type !== 'vertex-error') return;
    const v = state.vertices.get(e.id);
    if (!v?.label) return;
    const status =
      e.type === 'cached' ? this.c.dim('cached') : e.type === 'done' ? this.c.green(`done ${e.seconds.toFixed(1)}s`) : this.c.red('FAILED');
    this.o.write(`[${stepName(v)}] ${truncate(v.label.instruction, 100)}  ${status}\n`);
  }

  finish(): void {
    /* every step already has its line */
  }
}

/** A short live view redrawn in place (ANSI cursor movement): the latest steps and the running step's last output line. */
export class LiveView implements ProgressView {
  private readonly c: Palette;
  private drawn = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly started: number;
  private readonly now: () => number;
  private last: ProgressParser | undefined;
  private lastFrame = '';

  constructor(private readonly o: ViewOptions, private readonly rows = 6) {
    this.c = o.colors ?? plainPalette;
    this.now = o.now ?? Date.now;
    this.started = this.now();
  }

  event(e: ProgressEvent, state: ProgressParser): void {
    this.last = state;
    // A timer redraws the running step's time and output between events; unref'd so it never keeps the process alive.
    if (!this.timer) {
      this.timer = setInterval(() => this.last && this.draw(this.last), 150);
      this.timer.unref();
    }
    // Output lines come by the hundred: the timer shows them. A step starting or ending is drawn at once.
    if (e.type !== 'log' && e.type !== 'message') this.draw(state);
  }

  finish(state: ProgressParser, ok: boolean): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.draw(state, ok);
  }

  /** The lines of one frame (exported through `frame` for tests). */
  frame(state: ProgressParser, ended?: boolean): string[] {
    const width = Math.max(40, (this.o.columns || 100) - 1);
    const steps = countedSteps(state.steps);
    const finished = steps.filter((s) => s.status !== 'running').length;
    const cached = steps.filter((s) => s.status === 'cached').length;
    const secs = ((this.now() - this.started) / 1000).toFixed(1);
    const head =
      ended === undefined
        ? `${this.c.cyan('building')} ${this.o.title}`
        : ended
          ? `${this.c.green('built')} ${this.o.title}`
          : `${this.c.red('failed')} ${this.o.title}`;
    const lines = [truncate(`${head}  ${secs}s  ${finished} steps (${cached} cached)`, width + 20)];
    for (const v of steps.slice(-this.rows)) {
      const mark = v.status === 'cached' ? this.c.dim('=') : v.status === 'done' ? this.c.green('✓') : v.status === 'error' ? this.c.red('✗') : this.c.yellow('›');
      const status =
        v.status === 'cached'
          ? this.c.dim('cached')
          : v.status === 'done'
            ? `${(v.seconds ?? 0).toFixed(1)}s`
            : v.status === 'error'
              ? this.c.red('failed')
              : `${((this.now() - v.startedAt) / 1000).toFixed(1)}s`;
      lines.push(` ${mark} ${truncate(`${stepName(v).padEnd(12)} ${v.label!.instruction}`, width - 16)}  ${status}`);
      if (v.status === 'running' && v.logs.length > 0) lines.push(`     ${this.c.dim(truncate(v.logs[v.logs.length - 1]!, width - 6))}`);
    }
    return lines;
  }

  private draw(state: ProgressParser, ended?: boolean): void {
    const lines = this.frame(state, ended);
    const text = lines.join('\n');
    if (text === this.lastFrame) return; // nothing changed: no flicker
    this.lastFrame = text;
    // Move to the first line of the previous frame and clear to the end of the screen.
    const up = this.drawn > 0 ? `\x1b[${this.drawn}F\x1b[J` : '';
    this.o.write(`${up}${text}\n`);
    this.drawn = lines.length;
  }
}

/** Live on a terminal (unless TERM=dumb), plain lines otherwise. */
export function progressViewFor(stream: NodeJS.WriteStream, title: string, env: NodeJS.ProcessEnv = process.env): ProgressView {
  const write = (s: string) => void stream.write(s);
  if (stream.isTTY && env.TERM !== 'dumb') return new LiveView({ write, title, columns: stream.columns });
  return new PlainView({ write, title });
}

/** A view that shows nothing (--quiet, or --json without a terminal). */
export const silentView: ProgressView = { event() {}, finish() {} };
