import { Option, type Command } from 'commander';
import { color, printJson } from './output.js';

export function register(program: Command): void {
  program
    .command('rules')
    .description('list the lint rules with their severity, preset, scope and aliases')
    .option('--json', 'print JSON (id, severity, description, aliases, scope, fixable, url)')
    .addOption(new Option('--preset <preset>', 'only the rules of this preset').choices(['recommended', 'strict', 'all']))
    .action(async (opts: { json?: boolean; preset?: 'recommended' | 'strict' | 'all' }) => {
      const { rules, describeRules, PRESETS } = await import('../lint/index.js');
      const list = opts.preset ? rules.filter((r) => PRESETS.indexOf(r.preset) <= PRESETS.indexOf(opts.preset!)) : rules;
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
      process.stdout.write(`${lines.join('')}${described.length} rules\n`);
    });
}

/** `stagecraft rules | head` closes the pipe early: that is not an error. */
export function ignoreClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
