/**
 * Reads BuildKit's `--progress=plain` log: which Dockerfile steps ran and which came from the
 * cache. A step's vertex is introduced by `#N [stage i/n] INSTRUCTION` and ends with `#N CACHED`,
 * `#N DONE 1.2s` or `#N ERROR ...`.
 */

export interface BuildStep {
  vertex: number;
  stage: string;
  /** 1-based position inside its stage (BuildKit counts the FROM as 1). */
  index: number;
  instruction: string;
  cached: boolean;
  done: boolean;
  error: boolean;
}

const header = /^#(\d+) \[([^\]\s]+) (\d+)\/(\d+)\] (.*)$/;
const status = /^#(\d+) (CACHED|DONE\b|ERROR\b)/;

export function parseBuildLog(log: string): BuildStep[] {
  const byVertex = new Map<number, BuildStep>();
  for (const line of log.split('\n')) {
    const h = header.exec(line);
    if (h) {
      const vertex = Number(h[1]);
      if (!byVertex.has(vertex)) {
        byVertex.set(vertex, { vertex, stage: h[2]!, index: Number(h[3]), instruction: h[5]!.trim(), cached: false, done: false, error: false });
      }
      continue;
    }
    const s = status.exec(line);
    if (s) {
      const step = byVertex.get(Number(s[1]));
      if (!step) continue;
      if (s[2] === 'CACHED') step.cached = true;
      else if (s[2] === 'ERROR') step.error = true;
      else step.done = true;
    }
  }
  return [...byVertex.values()];
}

interface FromLine {
  /** The image or stage it starts from, global ARG defaults substituted. */
  ref: string;
  /** BuildKit's label: the `AS` name, else `stage-N`. */
  label: string;
  named: boolean;
}

/** The FROM lines of a Dockerfile, with ARGs declared before the first FROM substituted. */
export function fromLines(dockerfile: string): FromLine[] {
  const args = new Map<string, string>();
  const out: FromLine[] = [];
  for (const line of dockerfile.split('\n')) {
    const arg = /^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\S*))?\s*$/i.exec(line);
    if (arg && out.length === 0) {
      args.set(arg[1]!, (arg[2] ?? '').replace(/^["']|["']$/g, ''));
      continue;
    }
    const m = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?\s*$/i.exec(line);
    if (!m) continue;
    const ref = m[1]!.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_all, a?: string, dflt?: string, b?: string) => args.get((a ?? b)!) || dflt || '');
    out.push({ ref, label: m[2] ?? `stage-${out.length}`, named: Boolean(m[2]) });
  }
  return out;
}

/** Stage names in Dockerfile order, as BuildKit labels them. */
export function stageOrder(dockerfile: string): string[] {
  return fromLines(dockerfile).map((f) => f.label);
}

/** FROM image references that are not earlier stages (the images the engine must already have). */
export function baseImages(dockerfile: string): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const f of fromLines(dockerfile)) {
    if (!stages.has(f.ref.toLowerCase()) && f.ref !== 'scratch' && !images.includes(f.ref)) images.push(f.ref);
    if (f.named) stages.add(f.label.toLowerCase());
  }
  return images;
}

/** The image the final stage starts from (following `FROM <stage>`), or undefined for scratch. */
export function runtimeBase(dockerfile: string): string | undefined {
  const froms = fromLines(dockerfile);
  let current = froms[froms.length - 1];
  for (let hops = 0; current && hops < froms.length; hops++) {
    const ref = current.ref.toLowerCase();
    const stage = froms.find((f) => f.named && f.label.toLowerCase() === ref);
    if (!stage) return current.ref === 'scratch' ? undefined : current.ref;
    current = stage;
  }
  return undefined;
}

/** The RUN that installs dependencies (npm ci, pnpm/yarn/bun install, go mod download, pip install, ...). */
export const installCommand = /\b(npm (ci|install|i)\b|pnpm (install|i)\b|yarn( install)?( --|$| &&)|yarn install|bun install|go mod download|pip3? install|python3? -m pip install|uv sync|poetry install|pipenv (install|sync))/;

/** Orders steps by Dockerfile position: stage, then index inside it. */
export function position(step: BuildStep, stages: string[]): [number, number] {
  const s = stages.indexOf(step.stage);
  return [s === -1 ? Number.MAX_SAFE_INTEGER : s, step.index];
}

export function isAfter(a: [number, number], b: [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

/** One line per step, for failure messages. */
export function describeSteps(steps: BuildStep[]): string {
  return steps
    .map((s) => `  #${s.vertex} [${s.stage} ${s.index}] ${s.cached ? 'CACHED' : s.error ? 'ERROR ' : s.done ? 'RAN   ' : '?     '} ${s.instruction.slice(0, 140)}`)
    .join('\n');
}
