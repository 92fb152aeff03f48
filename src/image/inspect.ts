import { analyzeArchive, archiveDiffIds, type AnalyzeOptions } from './analyze.js';
import { archiveFor, baseDiffIdsFor, type ImageSaver } from './source.js';
import type { ImageReport } from './types.js';

export interface InspectOptions extends AnalyzeOptions {
  /** The base image (name or archive), to tell its layers from the user's exactly. */
  base?: string;
  /** How an image name becomes an archive (default: `docker save` through the CLI). */
  saver?: ImageSaver;
}

/** Inspects an image archive, or an image by name (saved to a temporary archive, deleted after). */
export async function inspectImage(target: string, options: InspectOptions = {}): Promise<ImageReport> {
  const source = await archiveFor(target, options.saver);
  try {
    const baseDiffIds = options.base ? await baseDiffIdsFor(options.base, (f) => archiveDiffIds(f, { platform: options.platform })) : options.baseDiffIds;
    return await analyzeArchive(source.path, {
      ...options,
      baseDiffIds,
      name: options.name ?? source.image,
      tag: options.tag ?? source.image,
    });
  } finally {
    await source.cleanup();
  }
}
