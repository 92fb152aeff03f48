import { parseKeyValues, runCommands, type Instruction } from '../../dockerfile/index.js';

/** A variable set by ENV, ARG, a `VAR=value cmd` prefix or `export VAR=value` in a RUN. */
export interface VariableSetting {
  name: string;
  value: string | undefined;
  instruction: Instruction;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

const settingsCache = new WeakMap<Instruction, VariableSetting[]>();

export function variableSettings(instruction: Instruction): VariableSetting[] {
  let cached = settingsCache.get(instruction);
  if (!cached) settingsCache.set(instruction, (cached = computeSettings(instruction)));
  return cached;
}

function computeSettings(instruction: Instruction): VariableSetting[] {
  if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
    return parseKeyValues(instruction.args).map((kv) => ({ name: kv.key, value: kv.value, instruction }));
  }
  if (instruction.keyword !== 'RUN') return [];
  const out: VariableSetting[] = [];
  for (const c of runCommands(instruction)) {
    let k = 0;
    for (; k < c.argv.length; k++) {
      const m = ASSIGNMENT.exec(c.argv[k]!);
      if (!m) break;
      out.push({ name: m[1]!, value: m[2], instruction });
    }
    if (c.argv[k] === 'export' || (c.argv[k] === 'declare' && c.argv[k + 1] === '-x')) {
      for (const w of c.argv.slice(k + 1)) {
        const m = ASSIGNMENT.exec(w);
        if (m) out.push({ name: m[1]!, value: m[2], instruction });
      }
    }
  }
  return out;
}
