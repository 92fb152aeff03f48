import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { inspectImage } from '../image/inspect.js';
import { parsePlatform } from '../image/resolve.js';
import { checkThresholds, parseDiveCi, type Thresholds } from '../image/thresholds.js';
import { parseBytes, parseFraction } from '../image/units.js';
import { formatInspectText } from '../image/format/text.js';
import { formatGithub, formatSarif } from '../image/format/sarif.js';
import { renderReport } from '../report/html.js';
import { ExitCode, UserError } from '../util/errors.js';
import { color, info, printJson } from './output.js';
import { result } from './main.js';

interface InspectFlags {
  json?: boolean;
  files?: boolean;
  platform?: string;
  base?: string;
  maxSize?: string;
  minEfficiency?: string;
  maxWasted?: string;
  diveCompatible?: boolean;
  diveCi?: string | false;
  format?: 'text' | 'sarif' | 'github';
  report?: string;
}

/** `.dive-ci` is read as dive reads it, from the given file or the current folder. */
function diveCiRules(flag: string | false | undefined) {
  if (flag === false) return undefined;
  const file = flag ?? '.dive-ci';
  if (!existsSync(file)) {
    if (flag) throw new UserError(`no such file: ${file}`, ExitCode.usage);
    return undefined;
  }
  return parseDiveCi(readFileSync(file, 'utf8'), file);
}

export function register(program: Command): void {
  program
    .command('inspect')
    .description('break an image down layer by layer: config, sizes, waste, files that should not ship')
    .argument('<image>', 'an image archive (`docker save` output, classic or OCI, plain or gzip/zstd-compressed) or an image name (saved through the docker CLI)')
    .option('--json', 'print the analysis as JSON')
    .option('--files', 'with --json: include every file of the final filesystem')
    .option('--platform <os/arch>', 'the image to read from a multi-platform archive (default: the only one, else this machine\'s)')
    .option('--base <image>', 'the base image (name or archive): its layers count as base in the stagecraft figures')
    .option('--max-size <size>', 'fail (exit 1) when the image is larger (e.g. 200MB, 1.5GB)')
    .option('--min-efficiency <ratio>', 'fail when the efficiency is lower (e.g. 0.95 or 95%)')
    .option('--max-wasted <size>', 'fail when more bytes are wasted (e.g. 20MB)')
    .option('--dive-compatible', 'let --min-efficiency and --max-wasted read the dive-compatible figures instead of stagecraft\'s')
    .option('--dive-ci <file>', 'dive CI rules to apply (default: ./.dive-ci when it exists)')
    .option('--no-dive-ci', 'ignore ./.dive-ci')
    .addOption(new Option('--format <format>', 'output format (sarif and github print the "should not ship" findings)').choices(['text', 'sarif', 'github']).default('text'))
    .option('--report <file>', 'also write a self-contained HTML report')
    .action(async (target: string, flags: InspectFlags) => {
      const thresholds: Thresholds = {
        maxSize: flags.maxSize !== undefined ? parseBytes(flags.maxSize, '--max-size') : undefined,
        minEfficiency: flags.minEfficiency !== undefined ? parseFraction(flags.minEfficiency, '--min-efficiency') : undefined,
        maxWasted: flags.maxWasted !== undefined ? parseBytes(flags.maxWasted, '--max-wasted') : undefined,
        figures: flags.diveCompatible ? 'dive' : 'stagecraft',
        diveCi: diveCiRules(flags.diveCi),
      };
      const report = await inspectImage(target, {
        platform: flags.platform ? parsePlatform(flags.platform) : undefined,
        base: flags.base,
        files: Boolean(flags.files),
      });
      const checks = checkThresholds(report, thresholds);
      if (flags.report) writeFileSync(flags.report, renderReport({ images: [report], generatedAt: new Date().toISOString() }));
      if (flags.json) printJson({ ...report, thresholds: checks });
      else if (flags.format === 'sarif') process.stdout.write(formatSarif(report));
      else if (flags.format === 'github') process.stdout.write(formatGithub(report));
      else process.stdout.write(formatInspectText(report, checks, color));
      if (flags.report && !flags.json && flags.format === 'text') info(`${color.green('wrote')} ${flags.report}`);
      if (checks.some((c) => !c.passed)) result.code = ExitCode.refused;
    });
}
