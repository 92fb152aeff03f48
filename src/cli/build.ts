import { type Command, Option } from 'commander';
import {
  BuildFailedError,
  type BuildRequest,
  type BuildResult,
  LiveView,
  PlainView,
  type ProgressView,
  buildAndCompare,
  buildImage,
  defaultTag,
  formatBuildSummary,
  formatComparison,
  progressViewFor,
  siblingTag,
  silentView,
} from '../build/index.js';
import type { CompareResult } from '../build/compare.js';
import { ExitCode, UserError } from '../util/errors.js';
import { color, info, printJson } from './output.js';
import { writeBuildReport } from '../build/report.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function viewFor(mode: string, title: string, json: boolean): ProgressView {
  const write = (s: string) => void process.stderr.write(s);
  if (mode === 'none') return silentView;
  if (mode === 'plain') return new PlainView({ write, title, colors: color });
  if (mode === 'live') return new LiveView({ write, title, columns: process.stderr.columns, colors: color });
  // auto: live on a terminal; with --json on a pipe, nothing (stdout carries the JSON, stderr stays quiet).
  if (json && !process.stderr.isTTY) return silentView;
  return progressViewFor(process.stderr, title);
}

export function register(program: Command): void {
  program
    .command('build')
    .description('build an image with BuildKit (through the docker CLI) and show its size, layers and cache use')
    .argument('[dir]', 'build context', '.')
    .option('-f, --file <path>', 'Dockerfile (default: <dir>/Dockerfile)')
    .option('-t, --tag <name>', 'image name (default: stagecraft-local/<folder name>:latest)')
    .option('--target <stage>', 'build this stage')
    .option('--platform <platforms>', 'target platform(s), e.g. linux/amd64')
    .option('--build-arg <key=value>', 'a build argument (repeatable)', collect)
    .option('--secret <spec>', 'a build secret, e.g. id=npmrc,src=.npmrc (repeatable)', collect)
    .option('--builder <name>', 'a buildx builder (remote, Kubernetes, docker-container); needs buildx')
    .option('--cache-from <spec>', 'external cache source (repeatable)', collect)
    .option('--cache-to <spec>', 'cache export destination (repeatable; needs buildx)', collect)
    .option('--push', 'push the image after building')
    .option('--no-cache', 'do not use the build cache')
    .option('--compare <dockerfile>', 'also build this Dockerfile in the same context and compare sizes')
    .option('--compare-naive', 'also build a single-stage baseline derived from the project (toolchain image, COPY . ., install, build)')
    .addOption(new Option('--progress <mode>', 'progress display').choices(['auto', 'live', 'plain', 'none']).default('auto'))
    .option('--json', 'print the result as JSON on stdout')
    .option('--report <file>', 'write a self-contained HTML report (both images with --compare*)')
    .action(async (dir: string, opts: Record<string, unknown>) => {
      if (opts.compare && opts.compareNaive) throw new UserError('--compare and --compare-naive are alternatives: pick one', ExitCode.usage);
      const json = Boolean(opts.json);
      const request: BuildRequest = {
        context: dir,
        file: opts.file as string | undefined,
        tag: opts.tag as string | undefined,
        target: opts.target as string | undefined,
        platform: opts.platform as string | undefined,
        buildArgs: opts.buildArg as string[] | undefined,
        secrets: opts.secret as string[] | undefined,
        builder: opts.builder as string | undefined,
        cacheFrom: opts.cacheFrom as string[] | undefined,
        cacheTo: opts.cacheTo as string[] | undefined,
        push: Boolean(opts.push),
        noCache: opts.cache === false,
      };
      const mode = opts.progress as string;
      const tag = request.tag ?? defaultTag(dir);
      let result: BuildResult | CompareResult;
      try {
        if (opts.compare || opts.compareNaive) {
          result = await buildAndCompare(request, opts.compare ? { kind: 'dockerfile', file: opts.compare as string } : { kind: 'naive' }, {
            image: viewFor(mode, tag, json),
            baseline: viewFor(mode, `${siblingTag(tag, opts.compare ? 'baseline' : 'naive')} (baseline)`, json),
          });
        } else {
          result = await buildImage({ ...request, view: viewFor(mode, tag, json) });
        }
      } catch (err) {
        if (err instanceof BuildFailedError) {
          // The whole BuildKit log, then the pointer (printed by main's error handler).
          process.stderr.write(`${color.dim('----- BuildKit log -----')}\n${err.log.trimEnd()}\n${color.dim('------------------------')}\n`);
        }
        throw err;
      }
      if (opts.report) await writeBuildReport(result, opts.report as string);
      if (json) {
        printJson(result);
        return;
      }
      if ('baseline' in result) {
        process.stdout.write(formatBuildSummary(result.baseline, color));
        process.stdout.write('\n');
      }
      process.stdout.write(formatBuildSummary(result, color));
      if ('baseline' in result) process.stdout.write(`\n${formatComparison(result, color)}`);
      if (opts.report) info(`${color.green('wrote')} ${opts.report as string}`);
    });
}
