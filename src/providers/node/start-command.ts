import type { Project } from '../../project/project.js';
import type { PackageJson } from './manifest.js';

/** How the container starts the app: `node <nodeArgs...> <file> <args...>`, never through npm. */
export interface StartCommand {
  /** The script file, relative to the package folder. */
  file: string;
  /** Everything after `node`: flags, the file, its arguments. */
  argv: string[];
  /** What said so: `scripts.start`, `main`, `server.js`, ... */
  source: string;
}

/** Node flags that take the next word as their value. */
const FLAGS_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--conditions', '-C', '--title']);

/**
 * Reads `node [flags] file [args]` out of a start script. Anything else (npm-run-all, a shell
 * pipeline, nodemon, ts-node, an env-var prefix, `next start`) is not taken: the image would need
 * tools it does not ship, so the caller falls back to `main` or a file by name.
 */
export function parseNodeScript(script: string): { argv: string[]; file: string } | undefined {
  if (/[;&|<>`$()]/.test(script)) return undefined;
  const words = script.trim().split(/\s+/);
  if (words[0] !== 'node') return undefined;
  const argv: string[] = [];
  let i = 1;
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('-')) break;
    argv.push(w);
    if (FLAGS_WITH_VALUE.has(w) && i + 1 < words.length) argv.push(words[++i]!);
  }
  const file = words[i];
  if (!file) return undefined;
  return { argv: [...argv, ...words.slice(i)], file: file.replace(/^\.\//, '') };
}

/** `node .` and `node dist` run the folder's main / index.js: name the file the image runs. */
function resolveEntry(project: Project, pkg: PackageJson, file: string): string {
  if (file === '.' || file === '') return (pkg.main ?? 'index.js').replace(/^\.\//, '');
  if (project.hasFile(file) || /\.[cm]?[jt]sx?$/.test(file)) return file;
  if (project.hasFile(`${file}.js`)) return `${file}.js`;
  if (project.hasDir(file)) return `${file.replace(/\/$/, '')}/index.js`;
  return file;
}

/**
 * scripts.start when it is `node <file>`-like, then `main`, then server.js / index.js / app.js /
 * main.js (with a build, in its output folder too). Undefined when nothing fits: the caller asks.
 */
export function detectStartCommand(project: Project, pkg: PackageJson, buildOutput: string | undefined): StartCommand | undefined {
  const start = pkg.scripts?.start;
  if (start) {
    const parsed = parseNodeScript(start);
    if (parsed) {
      const file = resolveEntry(project, pkg, parsed.file);
      const argv = parsed.argv.map((a) => (a === parsed.file || a === `./${parsed.file}` ? file : a));
      return { file, argv, source: 'scripts.start' };
    }
  }
  if (pkg.main && !/\.d\.ts$/.test(pkg.main)) {
    const file = pkg.main.replace(/^\.\//, '');
    const built = buildOutput !== undefined && file.startsWith(`${buildOutput}/`);
    if (project.hasFile(file) || built) return { file, argv: [file], source: 'main' };
  }
  const names = ['server.js', 'index.js', 'app.js', 'main.js', 'server.mjs', 'index.mjs'];
  for (const name of names) if (project.hasFile(name)) return { file: name, argv: [name], source: name };
  if (buildOutput) {
    for (const name of ['server', 'index', 'main', 'app']) {
      if (project.hasFile(`src/${name}.ts`) || project.hasFile(`${name}.ts`)) {
        const file = `${buildOutput}/${name}.js`;
        return { file, argv: [file], source: `src/${name}.ts built to ${file}` };
      }
    }
  }
  return undefined;
}

/** What was looked for, for the message when nothing was found. */
export const START_LOOKED_FOR = 'a "start" script of the form `node <file>`, a "main" field naming an existing file, or server.js, index.js, app.js or main.js';
