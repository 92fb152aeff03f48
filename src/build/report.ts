import { inspectImage } from '../image/inspect.js';
import type { ImageReport } from '../image/types.js';
import { renderReport } from '../report/html.js';
import { writeFileAtomic } from '../util/fs.js';
import type { BuildResult } from './build.js';
import type { CompareResult } from './compare.js';

/**
 * `build --report`: the built image (and, under --compare*, the baseline beside it) read by the
 * inspect command's analyser and drawn by the shared HTML renderer of src/report/.
 */
export async function writeBuildReport(result: BuildResult | CompareResult, file: string): Promise<void> {
  const inspectBuilt = (r: BuildResult): Promise<ImageReport> =>
    inspectImage(r.image, { base: r.baseImage && r.baseImage !== 'scratch' && r.baseSize !== undefined ? r.baseImage : undefined });
  const images = [await inspectBuilt(result)];
  const labels = ['stagecraft build'];
  if ('baseline' in result) {
    images.push(await inspectBuilt(result.baseline));
    labels.push(result.baseline.kind === 'naive' ? 'single-stage baseline' : 'baseline');
  }
  const html = renderReport({
    images,
    labels: images.length > 1 ? labels : undefined,
    title: `stagecraft build: ${result.image}`,
    build: { seconds: result.seconds, cachedSteps: result.cachedSteps, totalSteps: result.totalSteps },
  });
  writeFileAtomic(file, html);
}
