import type { BuildResult } from './build.js';
import type { CompareResult } from './compare.js';
import { ExitCode, UserError } from '../util/errors.js';

/**
 * `build --report`: hands the built image (and the baseline, under --compare*) to the HTML report
 * renderer of src/report/, which the inspect command shares. Loaded lazily so that a build without
 * --report never loads the image reader.
 */
export async function writeBuildReport(result: BuildResult | CompareResult, file: string): Promise<void> {
  const specifier = '../report/index.js';
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch {
    throw new UserError('--report: the HTML report renderer is not available in this build', ExitCode.usage);
  }
  const render = mod.writeBuildReport as ((r: BuildResult | CompareResult, f: string) => Promise<void>) | undefined;
  if (typeof render !== 'function') throw new UserError('--report: the HTML report renderer has no build report', ExitCode.usage);
  await render(result, file);
}
