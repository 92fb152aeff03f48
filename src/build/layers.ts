import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import { finalStage, inheritedInstructions } from '../dockerfile/stages.js';
import type { HistoryEntry } from '../engine/docker.js';

/** One entry of the built image's history, oldest first, placed in the Dockerfile where possible. */
export interface Layer {
  /** Bytes this entry adds (0 for metadata-only steps such as ENV or CMD). */
  size: number;
  /** `docker history`'s CREATED BY, untruncated. */
  createdBy: string;
  /** The instruction in Dockerfile form (`RUN npm ci`, `COPY . .`). */
  instruction: string;
  /** The Dockerfile stage that made it, or `base` for the runtime base image's own layers. */
  stage: string;
  /** True for the base image's layers (not made by this Dockerfile). */
  base: boolean;
  /** Dockerfile line of the instruction, when it was placed. */
  line?: number;
  /** True when the entry has no filesystem layer of its own (ENV, CMD, USER, ...). */
  empty: boolean;
}

/** `RUN |2 A=1 B=2 /bin/sh -c npm ci # buildkit` → `RUN npm ci`; `/bin/sh -c #(nop)  CMD ["x"]` → `CMD ["x"]`. */
export function instructionFromCreatedBy(createdBy: string): string {
  let s = createdBy.trim();
  s = s.replace(/\s+# buildkit$/, '');
  const nop = /^\/bin\/sh -c #\(nop\)\s+(.*)$/s.exec(s);
  if (nop) return tidyMetadata(nop[1]!.trim());
  if (s.startsWith('/bin/sh -c ')) return `RUN ${s.slice('/bin/sh -c '.length)}`;
  const run = /^RUN (?:\|\d+(?: \S+=\S*)* )?\/bin\/sh -c (.*)$/s.exec(s);
  if (run) return `RUN ${run[1]}`;
  const runJson = /^RUN (?:\|\d+(?: \S+=\S*)* )?(\[.*\])$/s.exec(s);
  if (runJson) return `RUN ${runJson[1]}`;
  return tidyMetadata(s);
}

/** Docker prints EXPOSE from the config map: `EXPOSE map[8080/tcp:{}]` → `EXPOSE 8080/tcp`. */
function tidyMetadata(s: string): string {
  const expose = /^EXPOSE map\[(.*)\]$/.exec(s);
  if (expose) return `EXPOSE ${expose[1]!.split(/\s+/).map((p) => p.replace(/:\{\}$/, '')).join(' ')}`;
  return s;
}

/** `COPY --from=build /out/app /app/app` as written (continuations joined). */
export function instructionText(i: Instruction): string {
  const flags = i.flags.map((f) => (f.value === null ? `--${f.name}` : `--${f.name}=${f.value}`));
  return [i.keyword, ...flags, i.args].join(' ').replace(/\s+/g, ' ').trim();
}

function keywordOf(instruction: string): string {
  return instruction.split(/\s+/)[0]!.toUpperCase();
}

export interface MapLayersInput {
  /** `docker image history` of the built image, newest first (docker's order). */
  history: HistoryEntry[];
  /** How many history entries the runtime base image has (they come first, oldest first). */
  baseEntries: number;
  /** Name of the runtime base image, for the `stage` label of its layers. */
  baseName?: string;
  dockerfile?: Dockerfile;
  target?: string;
}

/**
 * Lays the image's history out oldest first: the base image's entries, then one entry per
 * instruction of the final stage (and the stages it is built `FROM`), matched in order by keyword
 * (every instruction but FROM leaves a history entry; the match skips any that left none).
 */
export function mapLayers(input: MapLayersInput): Layer[] {
  const oldestFirst = [...input.history].reverse();
  const base = Math.min(input.baseEntries, oldestFirst.length);
  const df = input.dockerfile;
  const stage = df ? finalStage(df, input.target) : undefined;
  const instructions: Instruction[] = df && stage ? inheritedInstructions(df, stage).filter((i) => i.keyword !== 'FROM') : [];
  const stageName = (i: Instruction): string => {
    const s = df!.stages[i.stageIndex]!;
    return s.nameAsWritten ?? `stage-${s.index}`;
  };
  const finalName = stage ? (stage.nameAsWritten ?? `stage-${stage.index}`) : 'final';
  let next = 0;
  return oldestFirst.map((h, n) => {
    const instruction = instructionFromCreatedBy(h.createdBy);
    const layer: Layer = { size: h.size, createdBy: h.createdBy, instruction, stage: finalName, base: n < base, empty: h.size === 0 };
    if (layer.base) {
      layer.stage = input.baseName ? `base (${input.baseName})` : 'base';
      return layer;
    }
    const kw = keywordOf(instruction);
    for (let j = next; j < instructions.length; j++) {
      if (instructions[j]!.keyword === kw) {
        layer.stage = stageName(instructions[j]!);
        layer.line = instructions[j]!.line;
        // The Dockerfile's own text says more than the history (`COPY --from=build ...` keeps its --from).
        layer.instruction = instructionText(instructions[j]!);
        next = j + 1;
        break;
      }
    }
    return layer;
  });
}
