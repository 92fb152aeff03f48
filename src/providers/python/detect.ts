import { posix } from 'node:path';
import type { Project } from '../../project/project.js';
import type { InitOptions } from '../../plan/types.js';
import { ExitCode, UserError } from '../../util/errors.js';
import { normalizeName, parseRequirement, parseRequirements } from './requirements.js';

export type PythonInstaller = 'uv' | 'poetry' | 'pipenv' | 'pip' | 'pyproject';

/** What the app is, for the start command. */
export type PythonApp =
  | { kind: 'django'; wsgiModule: string; wsgiCallable: string; settingsModule?: string }
  | { kind: 'fastapi' | 'flask'; module: string; attr: string; appDir?: string; file: string }
  | { kind: 'script'; name: string }
  | { kind: 'file'; file: string };

export interface PythonFacts {
  installer: PythonInstaller;
  /** The files the install reads, in COPY order (manifests, lockfiles, included requirement files). */
  installFiles: string[];
  /** The install needs the whole tree first (local path requirements, setup.py-only projects). */
  installNeedsSource: boolean;
  /** The project itself is a package to install into the venv (a [build-system], setup.py). */
  isPackage: boolean;
  /** Where each version hint came from, in precedence order. */
  versionHints: { from: string; value: string; kind: 'exact' | 'range' }[];
  /** Normalised dependency names (runtime only). */
  dependencies: string[];
  /** [project].dependencies as written, for the pip-from-pyproject install layer. */
  pyprojectDependencies: string[];
  /** Console scripts from [project.scripts] / [tool.poetry.scripts]. */
  scripts: string[];
  projectName?: string;
  /** Candidate start commands, most specific first. */
  apps: PythonApp[];
  /** Ports found in the source of each candidate file. */
  portsByFile: Record<string, number[]>;
  /** Poetry version from the poetry.lock header, when it says. */
  poetryVersion?: string;
  /** `package-mode = false` in [tool.poetry]. */
  poetryPackageMode: boolean;
  hasLock: boolean;
  devRequirementFiles: string[];
  /** pip: the requirements file installed (`requirements.txt`, or `requirements/production.txt`...). */
  requirementsFile?: string;
  notes: string[];
}

type Toml = Record<string, any>;

const SKIP_DIRS = new Set(['.venv', 'venv', 'env', '.env', 'node_modules', '__pycache__', 'tests', 'test', 'migrations', 'site-packages', 'build', 'dist', 'docs']);
const START_FILES = ['main.py', 'app.py', 'server.py'];

function pythonFiles(project: Project, maxDepth = 3): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const name of project.list(dir)) {
      const path = dir === '.' ? name : `${dir}/${name}`;
      if (project.hasDir(path)) {
        if (depth < maxDepth && !SKIP_DIRS.has(name) && !name.startsWith('.')) walk(path, depth + 1);
      } else if (name.endsWith('.py') && !/^test_|_test\.py$|^conftest\.py$/.test(name)) out.push(path);
    }
  };
  walk('.', 0);
  return out;
}

/** Port literals in Python source: `port=8000`, `("0.0.0.0", 8000)`, `environ.get("PORT", "8000")`. */
export function findPythonPorts(text: string): number[] {
  const found: number[] = [];
  const patterns = [
    /\bport\s*=\s*(\d{2,5})\b/gi,
    /\(\s*["'][\d.]*["']\s*,\s*(\d{2,5})\s*\)/g,
    /(?:environ\.get|getenv)\(\s*["']PORT["']\s*,\s*["']?(\d{2,5})/g,
    /["']--port["']\s*,[^)]*default\s*=\s*(\d{2,5})/g,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const n = Number(m[1]);
      if (n > 0 && n < 65536 && !found.includes(n)) found.push(n);
    }
  }
  return found;
}

/** `src/pkg/main.py` -> module `pkg.main` with app dir `src` (a src layout); `app/main.py` -> `app.main`. */
function moduleOf(file: string, project: Project): { module: string; appDir?: string } {
  const parts = file.replace(/\.py$/, '').split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  if (parts[0] === 'src' && parts.length > 1 && !project.hasFile('src/__init__.py')) return { module: parts.slice(1).join('.'), appDir: 'src' };
  return { module: parts.join('.') };
}

/** Production requirement files kept in a `requirements/` folder (Django and cookiecutter layouts), best first. */
const FOLDER_MAIN = ['production.txt', 'prod.txt', 'base.txt', 'common.txt', 'main.txt'];
const DEV_FILE = /dev|test|lint|doc|local/;

function requirementFiles(project: Project): { main?: string; dev: string[] } {
  const names = project.list('.').filter((n) => /^requirements.*\.(txt|in)$/.test(n) && project.hasFile(n));
  if (names.includes('requirements.txt')) return { main: 'requirements.txt', dev: names.filter((n) => n !== 'requirements.txt' && DEV_FILE.test(n)) };
  const inFolder = project.list('requirements').filter((n) => n.endsWith('.txt') && project.hasFile(`requirements/${n}`));
  const main = FOLDER_MAIN.find((n) => inFolder.includes(n));
  return { main: main && `requirements/${main}`, dev: main ? inFolder.filter((n) => n !== main && DEV_FILE.test(n)).map((n) => `requirements/${n}`) : [] };
}

/** A Python project: uv.lock, poetry.lock, Pipfile(.lock), requirements.txt (or requirements/production.txt...), pyproject.toml or setup.py. */
export function detectPython(project: Project, _options: InitOptions): PythonFacts | undefined {
  const pyproject = project.readToml<Toml>('pyproject.toml');
  const reqFiles = requirementFiles(project);
  const has = (f: string): boolean => project.hasFile(f);
  const poetryTable = pyproject?.tool?.poetry as Toml | undefined;
  const notes: string[] = [];

  let installer: PythonInstaller;
  if (has('uv.lock')) installer = 'uv';
  else if (has('poetry.lock') || poetryTable) installer = 'poetry';
  else if (has('Pipfile.lock') || has('Pipfile')) installer = 'pipenv';
  else if (reqFiles.main) installer = 'pip';
  else if (pyproject || has('setup.py') || has('setup.cfg')) installer = 'pyproject';
  else return undefined;
  if (installer === 'pyproject' && has('pdm.lock')) notes.push('pdm.lock found: stagecraft installs the [project] dependencies with pip, not from the PDM lockfile');

  const project_ = (pyproject?.project ?? {}) as Toml;
  const buildSystem = pyproject?.['build-system'] !== undefined;
  const poetryPackageMode = poetryTable?.['package-mode'] !== false;

  // Dependencies (names) from every manifest the installer reads.
  const deps = new Map<string, string[]>();
  const addDep = (name: string, extras: string[] = []): void => {
    deps.set(normalizeName(name), [...(deps.get(normalizeName(name)) ?? []), ...extras]);
  };
  const pyprojectDependencies = Array.isArray(project_.dependencies) ? (project_.dependencies as unknown[]).filter((d): d is string => typeof d === 'string') : [];
  for (const d of pyprojectDependencies) {
    const r = parseRequirement(d);
    if (r) addDep(r.name, r.extras);
  }
  if (poetryTable?.dependencies) {
    for (const [name, spec] of Object.entries(poetryTable.dependencies as Toml)) {
      if (name.toLowerCase() === 'python') continue;
      addDep(name, Array.isArray((spec as Toml)?.extras) ? ((spec as Toml).extras as string[]) : []);
    }
  }
  const installFiles: string[] = [];
  let installNeedsSource = false;
  if (installer === 'pipenv') {
    const pipfile = project.readToml<Toml>('Pipfile');
    for (const name of Object.keys((pipfile?.packages ?? {}) as Toml)) addDep(name);
    // `pipenv verify` in the image reads the lock: a broken one is reported here, with its line.
    if (has('Pipfile.lock')) project.readJson('Pipfile.lock');
    installFiles.push(...['Pipfile', 'Pipfile.lock'].filter(has));
  } else if (installer === 'pip') {
    const seen = new Set<string>();
    const queue: { file: string; from?: string }[] = [{ file: reqFiles.main! }];
    while (queue.length > 0) {
      const { file: f, from } = queue.shift()!;
      if (seen.has(f)) continue;
      seen.add(f);
      const text = project.readText(f);
      if (text === undefined) {
        // pip stops on it ("Could not open requirements file"): say so now, not in the build.
        if (from !== undefined && !f.startsWith('/')) {
          throw new UserError(`includes ${f} (-r/-c), which does not exist: pip install in the image would fail`, ExitCode.usage, from, undefined, `add ${f}, or remove the line from ${from}`);
        }
        continue;
      }
      installFiles.push(f);
      const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
      const req = parseRequirements(text, dir);
      for (const p of req.packages) addDep(p.name, p.extras);
      queue.push(...req.includes.map((file) => ({ file: posix.normalize(file), from: f })));
      if (req.localPaths.length > 0) installNeedsSource = true;
    }
  } else if (installer === 'uv') {
    // `uv sync --frozen` / `poetry install` in the image read the lock: a broken one is reported here, with its line.
    project.readToml('uv.lock');
    installFiles.push('pyproject.toml', 'uv.lock');
  } else if (installer === 'poetry') {
    if (has('poetry.lock')) project.readToml('poetry.lock');
    installFiles.push(...['pyproject.toml', 'poetry.lock'].filter(has));
  } else {
    installFiles.push(...['pyproject.toml'].filter(has));
    // Dependencies computed by setup.py cannot be read without running it.
    if (!pyproject || (Array.isArray(project_.dynamic) && project_.dynamic.includes('dependencies'))) installNeedsSource = true;
  }

  // Version hints, in precedence order: .python-version, requires-python, runtime.txt, Pipfile.
  const versionHints: PythonFacts['versionHints'] = [];
  const pv = project.readText('.python-version')?.split(/\r?\n/).map((l) => l.trim()).find((l) => l && !l.startsWith('#'));
  if (pv) versionHints.push({ from: '.python-version', value: pv, kind: 'exact' });
  if (typeof project_['requires-python'] === 'string') versionHints.push({ from: 'requires-python', value: project_['requires-python'], kind: 'range' });
  const poetryPython = (poetryTable?.dependencies as Toml | undefined)?.python;
  if (typeof poetryPython === 'string') versionHints.push({ from: '[tool.poetry.dependencies] python', value: poetryPython, kind: 'range' });
  const runtimeTxt = project.readText('runtime.txt')?.trim();
  if (runtimeTxt) versionHints.push({ from: 'runtime.txt', value: runtimeTxt, kind: 'exact' });
  const pipfileReq = has('Pipfile') ? (project.readToml<Toml>('Pipfile')?.requires as Toml | undefined) : undefined;
  const pipfilePy = pipfileReq?.python_full_version ?? pipfileReq?.python_version;
  if (typeof pipfilePy === 'string') versionHints.push({ from: 'Pipfile [requires]', value: pipfilePy, kind: 'exact' });

  const scripts = [...Object.keys((project_.scripts ?? {}) as Toml), ...Object.keys((poetryTable?.scripts ?? {}) as Toml)];

  // Start-command candidates.
  const apps: PythonApp[] = [];
  const portsByFile: Record<string, number[]> = {};
  const files = pythonFiles(project);
  const manage = project.readText('manage.py');
  if (manage !== undefined && deps.has('django')) {
    const settingsModule = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']/.exec(manage)?.[1];
    let wsgi: string | undefined;
    if (settingsModule) {
      const base = settingsModule.replace(/\./g, '/');
      for (const f of [`${base}.py`, `${base}/__init__.py`, `${base}/base.py`, `${base}/production.py`]) {
        const m = /^WSGI_APPLICATION\s*=\s*["']([\w.]+)["']/m.exec(project.readText(f) ?? '');
        if (m) {
          wsgi = m[1];
          break;
        }
      }
    }
    if (!wsgi) {
      const wsgiFile = files.find((f) => f.endsWith('/wsgi.py'));
      if (wsgiFile) wsgi = `${wsgiFile.replace(/\.py$/, '').replace(/\//g, '.')}.application`;
    }
    if (wsgi) {
      const dot = wsgi.lastIndexOf('.');
      apps.push({ kind: 'django', wsgiModule: wsgi.slice(0, dot), wsgiCallable: wsgi.slice(dot + 1), ...(settingsModule ? { settingsModule } : {}) });
    } else notes.push('Django project without a WSGI_APPLICATION setting or a wsgi.py: pass --cmd');
  }
  for (const kind of ['fastapi', 'flask'] as const) {
    if (!deps.has(kind)) continue;
    const ctor = kind === 'fastapi' ? 'FastAPI' : 'Flask';
    const assign = new RegExp(String.raw`^(\w+)\s*(?::\s*[\w.]+\s*)?=\s*(?:\w+\.)?${ctor}\(`, 'm');
    // Prefer the usual names (main.py, app.py, ...) when several files build an app.
    const ordered = [...files].sort((a, b) => rankAppFile(a) - rankAppFile(b) || a.localeCompare(b));
    for (const f of ordered) {
      const text = project.readText(f) ?? '';
      const m = assign.exec(text);
      const factory = kind === 'flask' && /^def create_app\(/m.test(text) ? 'create_app()' : undefined;
      if (m || factory) {
        const { module, appDir } = moduleOf(f, project);
        apps.push({ kind, module, attr: m ? m[1]! : factory!, file: f, ...(appDir ? { appDir } : {}) });
        break;
      }
    }
  }
  for (const s of scripts) apps.push({ kind: 'script', name: s });
  for (const f of START_FILES) {
    if (has(f)) {
      apps.push({ kind: 'file', file: f });
    }
  }
  // Every file, not only the candidates: --cmd "python worker.py" may name any of them.
  for (const f of files) {
    const ports = findPythonPorts(project.readText(f) ?? '');
    if (ports.length > 0) portsByFile[f] = ports;
  }

  // Extras matter for one thing here: fastapi[standard] (or [all]) brings uvicorn.
  if (deps.get('fastapi')?.some((e) => e === 'standard' || e === 'all') && !deps.has('uvicorn')) addDep('uvicorn');
  return {
    installer,
    installFiles,
    installNeedsSource,
    isPackage: installer === 'poetry' ? poetryPackageMode && (buildSystem || !!poetryTable?.packages || scripts.length > 0) : buildSystem || has('setup.py'),
    versionHints,
    dependencies: [...deps.keys()],
    pyprojectDependencies,
    scripts,
    ...(typeof project_.name === 'string' ? { projectName: project_.name } : typeof poetryTable?.name === 'string' ? { projectName: poetryTable.name } : {}),
    apps,
    portsByFile,
    ...(poetryVersionOf(project.readText('poetry.lock')) ? { poetryVersion: poetryVersionOf(project.readText('poetry.lock'))! } : {}),
    poetryPackageMode,
    hasLock: installer === 'uv' || (installer === 'poetry' && has('poetry.lock')) || (installer === 'pipenv' && has('Pipfile.lock')) || installer === 'pip',
    devRequirementFiles: reqFiles.dev,
    ...(reqFiles.main ? { requirementsFile: reqFiles.main } : {}),
    notes,
  };
}

function rankAppFile(f: string): number {
  const base = f.split('/').pop()!;
  const i = ['main.py', 'app.py', 'server.py', 'api.py', 'wsgi.py', 'asgi.py', '__init__.py'].indexOf(base);
  return (i < 0 ? 10 : i) + f.split('/').length * 20;
}

function poetryVersionOf(lock: string | undefined): string | undefined {
  return lock ? /generated by Poetry (\d+\.\d+(?:\.\d+)?)/.exec(lock)?.[1] : undefined;
}
