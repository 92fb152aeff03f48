import type { Dockerfile, Instruction, Stage } from '../dockerfile/model.js';
import type { ProgressParser, StepLabel, VertexState } from './progress.js';

/** Where a failed build broke, as precisely as the log and the Dockerfile allow. */
export interface FailurePoint {
  /** `deps 4/4` when a Dockerfile step failed. */
  step?: string;
  /** The instruction BuildKit ran (`RUN npm ci`), or the internal vertex (`[internal] load metadata ...`). */
  instruction?: string;
  /** Dockerfile line of the failing instruction, when it could be placed. */
  line?: number;
  /** BuildKit's error (the vertex's ERROR line, else the final summary line). */
  message: string;
  /** The failing step's own output (the last lines matter most). */
  output: string[];
}

/** Instructions BuildKit counts as steps in `[stage i/n]` (the others only change metadata). */
const countedKeywords = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);

/** The Dockerfile stage a BuildKit label refers to (`deps`, `stage-1`, or none for a single stage). */
export function stageForLabel(df: Dockerfile, label: StepLabel): Stage | undefined {
  if (label.stage === undefined) return df.stages.length === 1 ? df.stages[0] : df.stages[df.stages.length - 1];
  const byName = df.stages.find((s) => s.name === label.stage!.toLowerCase());
  if (byName) return byName;
  const m = /^stage-(\d+)$/.exec(label.stage);
  return m ? df.stages[Number(m[1])] : undefined;
}

function firstWord(s: string): string {
  return s.trim().split(/\s+/)[0]!.toUpperCase();
}

/** The instruction a `[stage i/n] INSTR` label names: the i-th counted instruction, checked against the keyword. */
export function instructionForLabel(df: Dockerfile, label: StepLabel): Instruction | undefined {
  const stage = stageForLabel(df, label);
  if (!stage) return undefined;
  const counted = stage.instructions.filter((i) => countedKeywords.has(i.keyword));
  const candidate = counted[label.index - 1];
  if (candidate && candidate.keyword === firstWord(label.instruction)) return candidate;
  // Counting went wrong (ONBUILD triggers, a frontend that counts differently): match the text instead.
  const text = label.instruction.replace(/\s+/g, ' ');
  return stage.instructions.find((i) => `${i.keyword} ${i.args}`.replace(/\s+/g, ' ').startsWith(text.slice(0, 60)));
}

/** A failed `[internal] load metadata for docker.io/x/y:1` vertex: the FROM line naming that image. */
function fromLineForMetadata(df: Dockerfile, vertexName: string): number | undefined {
  const m = /load metadata for (\S+)/.exec(vertexName);
  if (!m) return undefined;
  const ref = m[1]!.replace(/^docker\.io\/(library\/)?/, '');
  return df.stages.find((s) => s.resolvedBase === ref || s.resolvedBase === m[1])?.from.line;
}

/** The summary error: the last line outside vertices that is not part of an excerpt. */
function summaryLine(messages: string[]): string | undefined {
  const candidates = messages.filter((m) => !/^\s*(>|\d+ \||>>>|Dockerfile:\d+$|-{3,})/.test(m) && !/^\s+\d+ \|/.test(m));
  return candidates[candidates.length - 1]?.replace(/^ERROR:\s*/, '');
}

export function locateFailure(state: ProgressParser, df?: Dockerfile): FailurePoint {
  const failed: VertexState | undefined = state.failed;
  const summary = summaryLine(state.messages);
  const message = failed?.error ?? summary ?? 'the build failed';
  const point: FailurePoint = { message, output: failed?.logs ?? [] };
  if (failed) point.instruction = failed.label ? failed.label.instruction : failed.name;
  if (failed?.label) point.step = `${failed.label.stage ? `${failed.label.stage} ` : ''}${failed.label.index}/${failed.label.total}`;
  // buildx prints the line itself ("Dockerfile:4"); 20.10 does not, so place it through the parsed Dockerfile.
  const printed = state.messages.map((m) => /^(?:\S*Dockerfile\S*):(\d+)$/.exec(m.trim())).find(Boolean);
  if (printed) point.line = Number(printed[1]);
  else if (df && failed?.label) point.line = instructionForLabel(df, failed.label)?.line;
  else if (df && failed) point.line = fromLineForMetadata(df, failed.name);
  if (point.line === undefined) {
    const parse = /(?:dockerfile parse error|parse error) (?:on )?line (\d+)/i.exec(summary ?? '');
    if (parse) point.line = Number(parse[1]);
  }
  return point;
}
