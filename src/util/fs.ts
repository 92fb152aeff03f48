import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ExitCode, UserError } from './errors.js';

/**
 * Writes a file atomically: a temporary sibling, fsync, then rename, so a crash or a full disk
 * never leaves a half-written file behind. With `exclusive`, fails with EEXIST when the target
 * exists (link() instead of rename(): no check-then-write race).
 */
export function writeFileAtomic(path: string, content: string, opts: { exclusive?: boolean } = {}): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (opts.exclusive) linkSync(tmp, path);
    else renameSync(tmp, path);
  } catch (err) {
    // The message names the file the user asked for, not the temporary sibling.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && opts.exclusive) throw err;
    throw asWriteError(err, path);
  } finally {
    removeQuietly(tmp);
  }
}

/** `EACCES` -> "permission denied (EACCES)": the reason in words, the code for searching. */
export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    ENOENT: 'no such file or folder',
    ELOOP: 'too many levels of symbolic links',
    EMFILE: 'too many open files',
  };
  const code = e?.code;
  // mkdir -p meets a file where a folder of the path should be.
  if (code === 'EEXIST' && e.syscall === 'mkdir') return `a part of the path is a file, not a folder (${code})`;
  if (code && words[code]) return `${words[code]} (${code})`;
  return e?.message ?? String(err);
}

/**
 * Writes several files so that either all of them change or none does, as far as a filesystem
 * allows: every temporary sibling is written and synced first (a full disk or a read-only folder
 * fails here, before any target changes), then each is renamed over its target.
 */
export function writeFilesAtomic(files: { path: string; content: string }[]): void {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const { path, content } of files) {
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${staged.length}.tmp`);
      try {
        mkdirSync(dirname(path), { recursive: true });
        const fd = openSync(tmp, 'wx', 0o644);
        staged.push({ tmp, path });
        try {
          writeSync(fd, content);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (err) {
        throw asWriteError(err, path);
      }
    }
    for (const { tmp, path } of staged) {
      try {
        renameSync(tmp, path);
      } catch (err) {
        throw asWriteError(err, path);
      }
    }
  } finally {
    for (const { tmp } of staged) removeQuietly(tmp);
  }
}

function asWriteError(err: unknown, path: string): unknown {
  return typeof (err as NodeJS.ErrnoException).code === 'string' ? new UserError(`cannot write: ${describeFsError(err)}`, ExitCode.usage, path) : err;
}

/** Removes a temporary file if it is there; never hides the error that sent us here. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    /* the folder is gone or not a folder: there is no temporary file to remove */
  }
}
