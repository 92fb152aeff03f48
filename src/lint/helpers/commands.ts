import { effectiveArgv, mountsOf, runCommands, type Instruction, type ShellCommand } from '../../dockerfile/index.js';

/** A command of a RUN, seen as `tool args...` (wrappers like sudo and `VAR=x` prefixes removed). */
export interface ToolCall {
  /** Base name of the program (`apt-get`, `pip3`). */
  tool: string;
  args: string[];
  command: ShellCommand;
}

const callCache = new WeakMap<Instruction, ToolCall[]>();

export function toolCalls(instruction: Instruction): ToolCall[] {
  const cached = callCache.get(instruction);
  if (cached) return cached;
  const out: ToolCall[] = [];
  callCache.set(instruction, out);
  for (const command of runCommands(instruction)) {
    const eff = effectiveArgv(command.argv);
    const first = eff[0];
    if (first === undefined) continue;
    out.push({ tool: first.slice(first.lastIndexOf('/') + 1), args: eff.slice(1), command });
  }
  return out;
}

/** Calls of any of `tools` (`pip` matches `pip`, `pip3`, `pip3.11`, and `python -m pip`). */
export function callsOf(instruction: Instruction, ...tools: string[]): ToolCall[] {
  const all = toolCalls(instruction);
  if (all.length === 0) return [];
  const out: ToolCall[] = [];
  for (const c of all) {
    if (matchesTool(c.tool, tools)) out.push(c);
    else if (/^python[0-9.]*$/.test(c.tool) && c.args[0] === '-m' && c.args[1] !== undefined && matchesTool(c.args[1], tools)) {
      out.push({ tool: c.args[1], args: c.args.slice(2), command: c.command });
    }
  }
  return out;
}

function matchesTool(tool: string, tools: string[]): boolean {
  return tools.some((t) => tool === t || (t === 'pip' && /^pip[0-9.]*$/.test(tool)) || (t === 'gem' && tool === 'gem') || (t === 'python' && /^python[0-9.]*$/.test(tool)));
}

/**
 * True when `args` holds the option: long names as `--name` or `--name=value`; one-letter names
 * also inside a cluster (`-fmy` holds `-y`), as getopt reads them.
 */
export function hasOption(args: readonly string[], ...names: string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    for (const n of names) {
      if (n.startsWith('--')) {
        if (a === n || a.startsWith(`${n}=`)) return true;
      } else if (n.length === 2 && /^-[A-Za-z]+$/.test(a) && !a.startsWith('--') && a.includes(n[1]!)) {
        return true;
      } else if (a === n) return true;
    }
  }
  return false;
}

/** Value of an option (`--index-url x`, `--index-url=x`, `-i x`). */
export function optionValue(args: readonly string[], ...names: string[]): string | undefined {
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    for (const n of names) {
      if (a === n) return args[k + 1];
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

/** Positional words (not options, not option values), given the options that take a separate value. */
export function positionals(args: readonly string[], valueOptions: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') {
      out.push(...args.slice(k + 1));
      break;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (valueOptions.has(a)) k++;
      continue;
    }
    out.push(a);
  }
  return out;
}


/** A RUN cache mount whose target is one of `targets` (or below one). */
export function hasCacheMount(instruction: Instruction, ...targets: string[]): boolean {
  return mountsOf(instruction).some((m) => m.type === 'cache' && m.target !== undefined && targets.some((t) => m.target === t || m.target!.startsWith(`${t}/`) || t.startsWith(`${m.target!.replace(/\/$/, '')}/`)));
}


/** True when some command removes one of the paths (`rm -rf /var/lib/apt/lists/*`). */
export function removes(instruction: Instruction, pattern: RegExp): boolean {
  return toolCalls(instruction).some((c) => c.tool === 'rm' && c.args.some((a) => pattern.test(a)));
}

