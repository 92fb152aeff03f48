import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError, ExitCode } from '../util/errors.js';
import { NoSuchImageError, imageExists, imageInspect, requireEngine, saveImage } from '../engine/index.js';

/** How an image name becomes an archive on disk: `docker save` through the CLI (swappable in tests). */
export type ImageSaver = (name: string, tarPath: string) => Promise<void>;

export const engineSaver: ImageSaver = async (name, tarPath) => {
  await requireEngine();
  // `docker save` of an unknown name says only "reference does not exist" on some engines.
  if (!(await imageExists(name))) throw new NoSuchImageError(name);
  await saveImage(name, tarPath);
};

/** A target that names a file (a path separator or a tar suffix) rather than an image. */
export function looksLikePath(target: string): boolean {
  return /\.(tar|tar\.gz|tgz|oci)$/i.test(target) || target.startsWith('./') || target.startsWith('../') || target.startsWith('/');
}

export interface ArchiveSource {
  path: string;
  /** The image name, when the target was one. */
  image?: string;
  /** Deletes the temporary archive, if one was made. */
  cleanup(): Promise<void>;
}

/** An existing file is read as an archive; anything else is an image name, saved to a temporary file. */
export async function archiveFor(target: string, saver: ImageSaver = engineSaver): Promise<ArchiveSource> {
  if (existsSync(target)) {
    if (!statSync(target).isFile()) throw new UserError(`${target} is a directory, not an image archive`, ExitCode.usage, undefined, undefined, 'pass a file written by `docker save -o image.tar IMAGE`, or an image name');
    return { path: target, cleanup: async () => {} };
  }
  if (looksLikePath(target)) throw new UserError(`no such file: ${target}`, ExitCode.usage, undefined, undefined, 'pass a file written by `docker save -o image.tar IMAGE`, or an image name');
  const dir = await mkdtemp(join(tmpdir(), 'stagecraft-inspect-'));
  const path = join(dir, 'image.tar');
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    await saver(target, path);
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { path, image: target, cleanup };
}

/** The layer digests of a base image given by name (through the engine) or as an archive. */
export async function baseDiffIdsFor(base: string, readArchiveDiffIds: (file: string) => Promise<string[]>): Promise<string[]> {
  if (existsSync(base) && statSync(base).isFile()) return readArchiveDiffIds(base);
  if (looksLikePath(base)) throw new UserError(`--base: no such file: ${base}`, ExitCode.usage);
  await requireEngine();
  const info = await imageInspect(base);
  return info.RootFS?.Layers ?? [];
}
