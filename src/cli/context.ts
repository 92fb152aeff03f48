import type { Command } from 'commander';
import { analyzeContext, fixedDockerignore } from '../context/analyze.js';
import { formatReport, reportJson } from '../context/format.js';
import { gitChangedPaths } from '../context/git.js';
import { writeFileAtomic } from '../util/fs.js';
import { ExitCode, UserError } from '../util/errors.js';
import { color, info, printJson } from './output.js';
import { result } from './main.js';

export function register(program: Command): void {
  program
    .command('context')
    .description('show what a build sends, what each COPY takes, what leaks, and what a change rebuilds')
    .argument('[dir]', 'the build context', '.')
    .option('-f, --file <Dockerfile>', 'the Dockerfile (default: <dir>/Dockerfile)')
    .option('--target <stage>', 'the stage the build ships (default: the last)')
    .option('--changed <paths...>', 'cache map: which steps these changed paths (relative to the context) rebuild')
    .option('--git', "cache map for the working tree's changes against HEAD")
    .option('--list-files', 'list every path sent')
    .option('--fix', 'write the recommended .dockerignore additions (your lines and order are kept)')
    .option('--strict', 'exit 1 when a secret is sent')
    .option('--json', 'print the report as JSON')
    .action((dir: string, opts: Record<string, unknown>) => {
      if (opts.changed && opts.git) throw new UserError('use either --changed or --git, not both');
      const changed = opts.git ? gitChangedPaths(dir) : (opts.changed as string[] | undefined);
      const report = analyzeContext({ dir, dockerfile: opts.file as string | undefined, changed, target: opts.target as string | undefined });
      let wrote: string | undefined;
      if (opts.fix) {
        const text = fixedDockerignore(report);
        if (text !== report.dockerignoreText) {
          writeFileAtomic(report.ignorePath, text);
          wrote = report.ignorePath;
        }
      }
      if (opts.json) printJson({ ...reportJson(report, { listFiles: Boolean(opts.listFiles) }), ...(opts.fix ? { fixed: wrote ?? null } : {}) });
      else {
        process.stdout.write(formatReport(report, color, { listFiles: Boolean(opts.listFiles) }));
        if (opts.fix) info(wrote ? `${color.green('wrote')} ${wrote}` : 'nothing to add to the .dockerignore');
      }
      if (opts.strict && report.findings.some((f) => f.kind === 'secret')) result.code = ExitCode.refused;
    });
}
