import { Option, type Command } from 'commander';
import { ExitCode, UserError } from '../util/errors.js';
import { color, printJson } from './output.js';

export function register(program: Command): void {
  program
    .command('rules')
    .description('list the lint rules with their severity, preset, scope and aliases')
    .argument('[ids...]', 'only these rules, by id or alias (DL3008, CKV_DOCKER_3, JSONArgsRecommended)')
    .option('--json', 'print JSON (id, severity, description, aliases, scope, fixable, url)')
    .addOption(new Option('--preset <preset>', 'only the rules of this preset').choices(['recommended', 'strict', 'all']))
    .action(async (ids: string[], opts: { json?: boolean; preset?: 'recommended' | 'strict' | 'all' }) => {
      const { rules, describeRules, PRESETS, aliasIndex } = await import('../lint/index.js');
      let list = opts.preset ? rules.filter((r) => PRESETS.indexOf(r.preset) <= PRESETS.indexOf(opts.preset!)) : rules;
      if (ids.length > 0) {
        // "What is DL3008 here?": the question a migrating user asks first.
        const index = aliasIndex(rules);
        const wanted = new Set<string>();
        for (const id of ids.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean)) {
          const found = index.get(id.toLowerCase());
          if (!found) throw new UserError(`unknown rule "${id}"`, ExitCode.usage, undefined, undefined, 'run `stagecraft rules` for the list of ids and aliases');
          for (const f of found) wanted.add(f);
        }
        list = list.filter((r) => wanted.has(r.id));
      }
      const described = describeRules(list);
      if (opts.json) {
        printJson(described);
        return;
      }
      ignoreClosedPipe();
      const width = Math.max(...described.map((r) => r.id.length));
      const lines = described.map((r) => {
        const tags = [r.preset, r.scope === 'final' ? 'final stage' : '', r.fixable ? 'fixable' : '', r.needsContext ? 'needs context' : ''].filter(Boolean).join(', ');
        return `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}\n${' '.repeat(width + 11)}${color.dim(`${tags}${r.aliases.length ? ` · ${r.aliases.join(' ')}` : ''}`)}\n`;
      });
      process.stdout.write(`${lines.join('')}${described.length} rule${described.length === 1 ? '' : 's'}\n`);
    });
}

/** `stagecraft rules | head` closes the pipe early: that is not an error. */
export function ignoreClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
