import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { ExitCode, UserError } from '../util/errors.js';
import { describeFsError } from '../util/fs.js';

/**
 * A read-only view of a project folder. Providers read the project only through this, so tests
 * can use an in-memory tree (`memoryProject`) and every file access sits in one place.
 * Paths are relative to the project root, with `/` separators.
 */
export interface Project {
  /** Absolute path of the root on disk (or a label for in-memory projects). */
  readonly root: string;
  hasFile(path: string): boolean;
  hasDir(path: string): boolean;
  /** Text of a file, or undefined when it does not exist. */
  readText(path: string): string | undefined;
  /** Parsed JSON, undefined when absent; a UserError naming the file when malformed. */
  readJson<T = unknown>(path: string): T | undefined;
  /** Parsed TOML, undefined when absent; a UserError naming the file and line when malformed. */
  readToml<T = Record<string, unknown>>(path: string): T | undefined;
  /** Names of the entries of a folder (files and folders), sorted; [] when absent. */
  list(dir: string): string[];
  /** A view of a sub-folder or a parent folder (`..`), for workspaces. */
  at(path: string): Project;
}

function parseJsonText<T>(text: string, file: string): T {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as T;
  } catch (err) {
    const m = /position (\d+)/.exec(String((err as Error).message));
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new UserError(`invalid JSON: ${(err as Error).message}`, 2, file, line);
  }
}

function parseTomlText<T>(text: string, file: string): T {
  try {
    return parseToml(text.replace(/^\uFEFF/, '')) as T;
  } catch (err) {
    const e = err as Error & { line?: number };
    throw new UserError(`invalid TOML: ${e.message.split('\n')[0]}`, 2, file, e.line);
  }
}

abstract class BaseProject implements Project {
  abstract readonly root: string;
  abstract hasFile(path: string): boolean;
  abstract hasDir(path: string): boolean;
  abstract readText(path: string): string | undefined;
  abstract list(dir: string): string[];
  abstract at(path: string): Project;
  protected abstract label(path: string): string;

  readJson<T = unknown>(path: string): T | undefined {
    const text = this.readText(path);
    return text === undefined ? undefined : parseJsonText<T>(text, this.label(path));
  }

  readToml<T = Record<string, unknown>>(path: string): T | undefined {
    const text = this.readText(path);
    return text === undefined ? undefined : parseTomlText<T>(text, this.label(path));
  }
}

class DiskProject extends BaseProject {
  readonly root: string;
  constructor(root: string) {
    super();
    this.root = resolve(root);
  }
  private abs(path: string): string {
    return join(this.root, path);
  }
  protected label(path: string): string {
    return this.abs(path);
  }
  hasFile(path: string): boolean {
    try {
      return statSync(this.abs(path)).isFile();
    } catch {
      return false;
    }
  }
  hasDir(path: string): boolean {
    try {
      return statSync(this.abs(path)).isDirectory();
    } catch {
      return false;
    }
  }
  readText(path: string): string | undefined {
    if (!this.hasFile(path)) return undefined;
    try {
      return readFileSync(this.abs(path), 'utf8');
    } catch (err) {
      throw new UserError(`cannot read: ${describeFsError(err)}`, ExitCode.usage, this.abs(path));
    }
  }
  list(dir: string): string[] {
    try {
      return readdirSync(this.abs(dir)).sort();
    } catch {
      return [];
    }
  }
  at(path: string): Project {
    return new DiskProject(this.abs(path));
  }
}

/** The project on disk at `root`; a UserError when the folder does not exist. */
export function diskProject(root: string): Project {
  if (!existsSync(root)) throw new UserError(`no such folder: ${root}`);
  if (!statSync(root).isDirectory()) throw new UserError(`not a folder: ${root}`);
  // An unreadable folder would look empty ("no supported stack found"): say what is wrong instead.
  try {
    readdirSync(root);
  } catch (err) {
    throw new UserError(`cannot read the folder: ${describeFsError(err)}`, ExitCode.usage, resolve(root));
  }
  return new DiskProject(root);
}

class MemoryProject extends BaseProject {
  constructor(
    private readonly files: Record<string, string>,
    private readonly prefix: string,
    readonly root: string,
  ) {
    super();
  }
  private key(path: string): string {
    return posix.normalize(posix.join(this.prefix, path)).replace(/^\.(?:\/|$)/, '').replace(/\/$/, '');
  }
  protected label(path: string): string {
    return this.key(path);
  }
  hasFile(path: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.files, this.key(path));
  }
  hasDir(path: string): boolean {
    const k = this.key(path);
    return Object.keys(this.files).some((f) => k === '' || f.startsWith(`${k}/`));
  }
  readText(path: string): string | undefined {
    return this.hasFile(path) ? this.files[this.key(path)] : undefined;
  }
  list(dir: string): string[] {
    const k = this.key(dir);
    const base = k === '' ? '' : `${k}/`;
    const names = new Set<string>();
    for (const f of Object.keys(this.files)) if (f.startsWith(base)) names.add(f.slice(base.length).split('/')[0]!);
    return [...names].sort();
  }
  at(path: string): Project {
    const k = this.key(path);
    return new MemoryProject(this.files, k, `${this.root}/${path}`);
  }
}

/**
 * An in-memory project for tests: `{ 'package.json': '{...}', 'src/index.ts': '' }`.
 * A folder exists when some file lies below it.
 */
export function memoryProject(files: Record<string, string>, root = '/memory'): Project {
  return new MemoryProject(files, '', root);
}
