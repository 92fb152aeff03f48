import type { Instruction } from './model.js';

/** One simple command of a shell script, e.g. `apt-get install -y curl` in `a && b | c`. */
export interface ShellCommand {
  /** Words with quotes removed; redirections dropped. */
  argv: string[];
  /** The operator that joins it to the previous command: '' (first), '&&', '||', ';', '|', '&', '\n'. */
  joinedBy: string;
  /** True when it is part of a pipeline (`a | b`): either side. */
  inPipeline: boolean;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** The script ran through: text of the RUN after flags, or the heredoc body. */
  text: string;
  hasPipe: boolean;
}

const SEPARATORS = ['&&', '||', ';;', ';', '|&', '|', '&', '\n'];

/** Splits a POSIX-ish shell script into simple commands. Lenient: unbalanced quotes end the script. */
export function parseShell(text: string): ShellScript {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let joinedBy = '';
  let hasPipe = false;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (op: string): void => {
    endWord();
    const argv = cleanArgv(words);
    if (argv.length > 0 || op === '|') {
      commands.push({ argv, joinedBy, inPipeline: joinedBy === '|' || joinedBy === '|&' });
      joinedBy = op;
    } else if (op !== '\n' && joinedBy === '') {
      joinedBy = '';
    }
    if (op === '|' || op === '|&') {
      hasPipe = true;
      const last = commands[commands.length - 1];
      if (last) last.inPipeline = true;
    }
    words = [];
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\\') {
      if (text[i + 1] === '\n') {
        i += 2;
        continue;
      }
      word += text[i + 1] ?? '';
      inWord = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let buf = '';
      while (j < n && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < n && '"\\$`\n'.includes(text[j + 1]!)) {
          buf += text[j + 1];
          j += 2;
          continue;
        }
        if (text[j] === '$' && text[j + 1] === '(') {
          const close = matchParen(text, j + 1);
          buf += text.slice(j, close + 1);
          j = close + 1;
          continue;
        }
        buf += text[j];
        j++;
      }
      word += buf;
      inWord = true;
      i = j + 1;
      continue;
    }
    if (c === '$' && text[i + 1] === '(') {
      const close = matchParen(text, i + 1);
      word += text.slice(i, close + 1);
      inWord = true;
      i = close + 1;
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      const end = close < 0 ? n : close;
      word += text.slice(i, end + 1);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '#' && !inWord) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === '{' || c === '}') {
      if (!inWord && (c === '(' || c === ')' || text[i + 1] === undefined || /\s|;/.test(text[i + 1]!))) {
        endCommand(';');
        i++;
        continue;
      }
    }
    const sep = SEPARATORS.find((s) => text.startsWith(s, i));
    if (sep) {
      // `2>&1`, `&>` and `>&2` are redirections, not separators.
      if (sep === '&' && (word.endsWith('>') || text[i + 1] === '>')) {
        word += c;
        inWord = true;
        i++;
        continue;
      }
      endCommand(sep);
      i += sep.length;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  endCommand('');
  return { commands, text, hasPipe };
}

function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '(') depth++;
    else if (text[j] === ')' && --depth === 0) return j;
  }
  return text.length - 1;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', 'time', 'esac']);

/** Drops redirections and leading shell keywords (`then`, `do`...). */
function cleanArgv(words: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (/^\d*(>>?|<<?<?|&>>?|>&|<&)$/.test(w)) {
      k++;
      continue;
    }
    if (/^\d*(>>?|<|&>>?|>&|<&)/.test(w)) continue;
    if (out.length === 0 && KEYWORDS.has(w)) continue;
    out.push(w);
  }
  if (out[0] === 'for' || out[0] === 'case') return [];
  return out;
}

const WRAPPERS = new Set(['sudo', 'env', 'exec', 'command', 'nohup', 'nice', 'doas', 'su-exec', 'gosu', 'xargs']);

/**
 * The command actually run: leading `VAR=value` assignments and wrappers (`sudo`, `env`, `exec`...)
 * removed, with their own options. `sudo -u x apt-get install` -> `apt-get install`.
 */
export function effectiveArgv(argv: string[]): string[] {
  let k = 0;
  while (k < argv.length) {
    const w = argv[k]!;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      k++;
      continue;
    }
    if (WRAPPERS.has(w)) {
      k++;
      while (k < argv.length && argv[k]!.startsWith('-')) {
        // Options with a separate value (`sudo -u user`, `gosu user`).
        if (/^-[ugCDhprt]$/.test(argv[k]!) && w === 'sudo') k++;
        k++;
      }
      if ((w === 'gosu' || w === 'su-exec') && k < argv.length) k++;
      continue;
    }
    break;
  }
  return argv.slice(k);
}

/** The base name of a command word: `/usr/bin/apt-get` -> `apt-get`. */
export function commandName(argv: string[]): string | undefined {
  const eff = effectiveArgv(argv);
  const w = eff[0];
  return w === undefined ? undefined : w.slice(w.lastIndexOf('/') + 1);
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/usr/bin/env']);

/**
 * The shell script a RUN executes, or `undefined` when it runs no shell (exec form without `sh -c`).
 * Heredoc bodies count as script when the RUN line itself is only the heredoc or a shell.
 */
export function runScript(instruction: Instruction): ShellScript | undefined {
  if (instruction.keyword !== 'RUN') return undefined;
  // Every RUN rule asks for the same script: parse it once per instruction.
  if (scriptCache.has(instruction)) return scriptCache.get(instruction);
  const script = computeRunScript(instruction);
  scriptCache.set(instruction, script);
  return script;
}

const scriptCache = new WeakMap<Instruction, ShellScript | undefined>();

function computeRunScript(instruction: Instruction): ShellScript | undefined {
  if (instruction.json) {
    const j = instruction.json;
    const c = j.indexOf('-c');
    if (j.length >= 3 && SHELLS.has(j[0]!) && c > 0) return parseShell(j.slice(c + 1).join(' '));
    return { commands: j.length > 0 ? [{ argv: j, joinedBy: '', inPipeline: false }] : [], text: j.join(' '), hasPipe: false };
  }
  if (instruction.heredocs.length === 0) return parseShell(instruction.args);
  const line = instruction.args.replace(/<<-?\s*(["']?)[A-Za-z0-9_]+\1/g, ' ').trim();
  const lineCmd = parseShell(line);
  const first = lineCmd.commands[0]?.argv[0];
  if (line === '' || (first !== undefined && SHELLS.has(first) && lineCmd.commands.length === 1)) {
    const text = instruction.heredocs.map((h) => h.content).join('\n');
    return parseShell(text);
  }
  return lineCmd;
}

/** Every simple command of a RUN (empty for other instructions). */
export function runCommands(instruction: Instruction): ShellCommand[] {
  return runScript(instruction)?.commands ?? [];
}
