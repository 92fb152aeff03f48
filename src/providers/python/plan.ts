import type { BuildPlan, InitOptions, Mount, Stage, Step } from '../../plan/types.js';
import { DecisionNeeded, ExitCode, UserError } from '../../util/errors.js';
import type { PythonApp, PythonFacts } from './detect.js';
import { DEFAULT_PYTHON, KNOWN_MINORS, minorOf, minorSatisfies, newestMinorFor } from './version.js';

const VENV = '/opt/venv';
const APP_UID = 10001;
const SLIM_USER = `${APP_UID}:${APP_UID}`;
const DISTROLESS_USER = '65532:65532';
const FRAMEWORK_PORT = 8000;
/** Installer versions (the newest releases when this was written); pinned so builds repeat. */
export const POETRY_VERSION = '2.5.1';
export const PIPENV_VERSION = '2026.10.3';
export const UV_IMAGE = 'ghcr.io/astral-sh/uv:0.13';
/** Debian 12's Python, the only one distroless python3-debian12 carries. */
const DISTROLESS_PYTHON = '3.11';

/** The image's pip, aimed at the venv: the venv itself gets no pip or setuptools, so none reaches the runtime. */
const PIP_INTO_VENV = `PIP_PYTHON=${VENV}/bin/python pip install`;
const PIP_CACHE: Mount = { type: 'cache', target: '/root/.cache/pip' };
const POETRY_CACHE: Mount = { type: 'cache', target: '/root/.cache/pypoetry' };
const UV_CACHE: Mount = { type: 'cache', target: '/root/.cache/uv' };

/** The Python minor to run: --python-version, else the project's hints in order, else the default. */
export function choosePythonVersion(facts: PythonFacts, options: InitOptions, notes: string[], warnings: string[]): { version: string; from: string } {
  const ranges = facts.versionHints.filter((h) => h.kind === 'range');
  const check = (v: string, from: string): { version: string; from: string } => {
    const minor = Number(minorOf(v)?.split('.')[1]);
    for (const r of ranges) if (!minorSatisfies(r.value, minor)) warnings.push(`Python ${v} (from ${from}) does not satisfy ${r.from} "${r.value}"`);
    return { version: v, from };
  };
  if (options.pythonVersion !== undefined) {
    const v = options.pythonVersion.trim();
    if (!/^3\.\d+(\.\d+)?$/.test(v)) throw new UserError(`--python-version ${v}: expected a CPython 3 version such as 3.12 or 3.12.4`, ExitCode.usage);
    const minor = Number(v.split('.')[1]);
    if (!(KNOWN_MINORS as readonly number[]).includes(minor)) warnings.push(`--python-version ${v}: not a Python stagecraft knows (3.${KNOWN_MINORS[0]} to 3.${KNOWN_MINORS.at(-1)}); python:${minorOf(v) ?? v}-slim may not exist`);
    return check(v, '--python-version');
  }
  for (const hint of facts.versionHints) {
    if (hint.kind === 'exact') {
      const minor = minorOf(hint.value);
      if (minor) return check(minor, hint.from);
      notes.push(`${hint.from} says "${hint.value}", which is not a CPython 3 version: ignored`);
      continue;
    }
    const newest = newestMinorFor(hint.value);
    if (!newest) {
      throw new UserError(
        `${hint.from} "${hint.value}" matches no Python stagecraft knows (3.${KNOWN_MINORS[0]} to 3.${KNOWN_MINORS.at(-1)})`,
        ExitCode.refused,
        hint.from.startsWith('Pipfile') ? 'Pipfile' : 'pyproject.toml',
        undefined,
        'pass --python-version 3.x',
      );
    }
    return check(newest, `${hint.from} "${hint.value}" (newest minor that satisfies it)`);
  }
  notes.push(`the project names no Python version (.python-version, requires-python, runtime.txt, Pipfile): using ${DEFAULT_PYTHON}; pass --python-version or add a .python-version`);
  return { version: DEFAULT_PYTHON, from: 'default' };
}

interface Start {
  cmd: string[];
  port?: number;
  app: string;
}

/** The start command: --cmd, then Django, FastAPI, Flask, a console script, main.py/app.py/server.py. */
export function chooseStart(facts: PythonFacts, options: InitOptions, notes: string[], warnings: string[]): Start {
  const has = (d: string): boolean => facts.dependencies.includes(d);
  const installsProject = facts.installer === 'uv' || facts.installer === 'poetry' || facts.installer === 'pyproject';
  const apps = facts.apps.filter((a) => a.kind !== 'script' || installsProject);
  if (options.cmd) {
    const file = options.cmd[0] === 'python' || options.cmd[0] === 'python3' ? options.cmd[1] : undefined;
    const port = options.port ?? (file ? facts.portsByFile[file]?.[0] : undefined);
    return { cmd: options.cmd, app: '--cmd', ...(port ? { port } : {}) };
  }
  const first = apps[0];
  if (!first) {
    throw new DecisionNeeded(
      'no start command found: looked for Django (manage.py with django), FastAPI and Flask apps, [project.scripts] / [tool.poetry.scripts], then main.py, app.py, server.py',
      'pass --cmd "python your_app.py" (or the command the container should run)',
    );
  }
  const needServer = (server: 'gunicorn' | 'uvicorn', framework: string): void => {
    if (!has(server)) warnings.push(`${framework} is served with ${server}, which is not among the dependencies: add it, or pass --cmd`);
  };
  const bind = (port: number): string => `0.0.0.0:${port}`;
  switch (first.kind) {
    case 'django': {
      const port = options.port ?? FRAMEWORK_PORT;
      needServer('gunicorn', 'Django');
      notes.push('Django: static files are not collected (add `python manage.py collectstatic --noinput` to the build if Django serves them), and /app is read-only to the app user, so SQLite under /app cannot be written');
      return { cmd: ['gunicorn', '--bind', bind(port), `${first.wsgiModule}:${first.wsgiCallable}`], port, app: 'django' };
    }
    case 'fastapi': {
      const port = options.port ?? FRAMEWORK_PORT;
      needServer('uvicorn', 'FastAPI');
      return { cmd: ['uvicorn', `${first.module}:${first.attr}`, '--host', '0.0.0.0', '--port', String(port), ...(first.appDir ? ['--app-dir', first.appDir] : [])], port, app: 'fastapi' };
    }
    case 'flask': {
      const port = options.port ?? FRAMEWORK_PORT;
      needServer('gunicorn', 'Flask');
      return { cmd: ['gunicorn', '--bind', bind(port), ...(first.appDir ? ['--chdir', first.appDir] : []), `${first.module}:${first.attr}`], port, app: 'flask' };
    }
    case 'script': {
      const scripts = apps.filter((a): a is Extract<PythonApp, { kind: 'script' }> => a.kind === 'script');
      const named = scripts.find((s) => s.name === facts.projectName);
      if (scripts.length > 1 && !named) {
        throw new DecisionNeeded(`several console scripts: ${scripts.map((s) => s.name).join(', ')}; which one should the container run?`, `pass --cmd ${scripts[0]!.name}`, 'pyproject.toml');
      }
      const port = options.port;
      if (!port) notes.push('no port known for a console script: no EXPOSE and no HEALTHCHECK (pass --port)');
      return { cmd: [(named ?? first).name], app: 'script', ...(port ? { port } : {}) };
    }
    case 'file': {
      const port = options.port ?? facts.portsByFile[first.file]?.[0];
      if (!port) notes.push(`no port found in ${first.file}: no EXPOSE and no HEALTHCHECK (pass --port)`);
      return { cmd: ['python', first.file], app: first.file, ...(port ? { port } : {}) };
    }
  }
}

/**
 * `--base distroless` with a version range that allows 3.11 (`^3.11`, `>=3.10,<3.13`): 3.11 is a
 * version the project accepts, so it is taken rather than refusing over the newest minor.
 */
function distrolessWithinRange(facts: PythonFacts, options: InitOptions, notes: string[]): { version: string; from: string } | undefined {
  if (options.base !== 'distroless' || options.pythonVersion !== undefined) return undefined;
  const decisive = facts.versionHints.find((h) => h.kind === 'range' || minorOf(h.value));
  if (decisive?.kind !== 'range') return undefined;
  const minor = Number(DISTROLESS_PYTHON.split('.')[1]);
  const ranges = facts.versionHints.filter((h) => h.kind === 'range');
  if (!ranges.every((r) => minorSatisfies(r.value, minor))) return undefined;
  notes.push(`Python ${DISTROLESS_PYTHON}, the one distroless python3 carries: ${ranges.map((r) => `${r.from} "${r.value}"`).join(', ')} allows it`);
  return { version: DISTROLESS_PYTHON, from: `--base distroless within ${decisive.from} "${decisive.value}"` };
}

/**
 * One COPY per folder: several sources into `./` land side by side, so `requirements/base.txt`
 * (included with `-r requirements/base.txt`) must be copied into `./requirements/`.
 */
export function copyKeepingFolders(files: string[]): Step[] {
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  return [...byDir].map(([dir, sources]) => ({ kind: 'copy', sources, dest: dir ? `./${dir}/` : './' }));
}

export function planPython(facts: PythonFacts, options: InitOptions): BuildPlan {
  const notes = [...facts.notes];
  const warnings: string[] = [];
  const { version, from } = distrolessWithinRange(facts, options, notes) ?? choosePythonVersion(facts, options, notes, warnings);
  const start = chooseStart(facts, options, notes, warnings);
  // The smallest safe base: distroless python3 when the project runs on the Python it carries
  // (Debian 12's), Debian slim otherwise.
  const flavor = options.base ?? (minorOf(version) === DISTROLESS_PYTHON ? 'distroless' : 'slim');
  if (!options.base && flavor === 'slim') notes.push(`Python ${version} runs on python:${version}-slim: distroless python3 carries only ${DISTROLESS_PYTHON} (--python-version ${DISTROLESS_PYTHON} --base distroless gives a smaller image if the app runs on it)`);
  if (flavor === 'distroless' && minorOf(version) !== DISTROLESS_PYTHON) {
    throw new DecisionNeeded(
      `--base distroless runs on gcr.io/distroless/python3-debian12, which carries Python ${DISTROLESS_PYTHON} only, but the project needs ${version} (from ${from})`,
      `use --base slim, or --python-version ${DISTROLESS_PYTHON} if the app runs on it`,
    );
  }
  if (flavor === 'alpine' && facts.dependencies.length > 0) warnings.push('Alpine uses musl: wheels with C extensions (manylinux) do not install there and compile from source, or fail; prefer the default slim base');

  // distroless: build on Debian's own python3 so the venv points at /usr/bin/python3, which distroless has.
  const debianBuilder = flavor === 'distroless';
  const py = debianBuilder ? 'python3' : 'python';
  const builder = debianBuilder ? 'debian:bookworm-slim' : flavor === 'alpine' ? `python:${version}-alpine` : `python:${version}-slim`;
  const runtimeBase = debianBuilder ? 'gcr.io/distroless/python3-debian12:nonroot' : flavor === 'alpine' ? `python:${version}-alpine` : `python:${version}-slim`;

  const depSteps: Step[] = [];
  if (debianBuilder) {
    depSteps.push({ kind: 'run', commands: ['apt-get update', 'apt-get install -y --no-install-recommends python3-venv python3-pip', 'rm -rf /var/lib/apt/lists/*'], comment: "Debian's Python 3.11, the interpreter distroless python3 carries at the same path" });
  }
  depSteps.push({ kind: 'env', vars: { PYTHONUNBUFFERED: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_ROOT_USER_ACTION: 'ignore' } });

  const poetryCmd = '/opt/poetry/bin/poetry';
  const installFiles = facts.installFiles;
  const copyManifests: Step[] = facts.installNeedsSource
    ? [{ kind: 'copy', sources: ['.'], dest: '.', comment: 'the install needs the source tree (local path requirements or setup.py)' }]
    : copyKeepingFolders(installFiles);
  if (facts.installNeedsSource) notes.push('the dependency install needs the source tree, so a source change re-runs it');
  let install: Step | undefined;
  let rootInstall: Step | undefined;
  switch (facts.installer) {
    case 'uv': {
      depSteps.push({ kind: 'copy', from: UV_IMAGE, sources: ['/uv', '/uvx'], dest: '/bin/', comment: 'uv from its own image: no pip install of the installer' });
      depSteps.push({ kind: 'env', vars: { UV_PROJECT_ENVIRONMENT: VENV, UV_COMPILE_BYTECODE: '1', UV_LINK_MODE: 'copy', UV_PYTHON_DOWNLOADS: 'never', ...(debianBuilder ? { UV_PYTHON: '/usr/bin/python3' } : {}) } });
      install = { kind: 'run', commands: ['uv sync --frozen --no-dev --no-install-project'], mounts: [UV_CACHE], comment: 'dependencies only, exactly as uv.lock pins them, into /opt/venv' };
      if (facts.isPackage) rootInstall = { kind: 'run', commands: ['uv sync --frozen --no-dev'], mounts: [UV_CACHE], comment: 'now the project itself' };
      break;
    }
    case 'poetry': {
      const v = facts.poetryVersion ?? POETRY_VERSION;
      const old = /^1\.[01]\b/.test(v);
      depSteps.push({ kind: 'run', commands: [`${py} -m venv /opt/poetry`, `/opt/poetry/bin/pip install poetry==${v}`], mounts: [PIP_CACHE], comment: `Poetry ${v}${facts.poetryVersion ? ' (the version that wrote poetry.lock)' : ''} in a venv of its own: it never reaches the runtime` });
      depSteps.push({ kind: 'run', commands: [`${py} -m venv ${VENV}`] });
      depSteps.push({ kind: 'env', vars: { VIRTUAL_ENV: VENV, PATH: `${VENV}/bin:$PATH`, POETRY_NO_INTERACTION: '1', POETRY_VIRTUALENVS_CREATE: 'false' } });
      const only = old ? '--no-dev' : '--only main';
      install = { kind: 'run', commands: [`${poetryCmd} install ${only} --no-root --no-ansi`], mounts: [POETRY_CACHE], comment: 'main dependencies only, into the activated /opt/venv (no export plugin needed)' };
      if (!facts.hasLock) warnings.push('no poetry.lock: every build resolves versions afresh; run `poetry lock` and commit it');
      if (facts.isPackage && start.app === 'script') rootInstall = { kind: 'run', commands: [`${poetryCmd} install ${only} --no-ansi`], mounts: [POETRY_CACHE], comment: 'the project itself, for its console script' };
      break;
    }
    case 'pipenv': {
      depSteps.push({ kind: 'run', commands: [`${py} -m venv /opt/pipenv`, `/opt/pipenv/bin/pip install pipenv==${PIPENV_VERSION}`], mounts: [PIP_CACHE], comment: 'Pipenv in a venv of its own: it never reaches the runtime' });
      depSteps.push({ kind: 'run', commands: [`${py} -m venv --without-pip ${VENV}`], comment: 'a venv without pip: the image\'s pip installs into it' });
      depSteps.push({ kind: 'env', vars: { VIRTUAL_ENV: VENV, PATH: `${VENV}/bin:$PATH` } });
      // `verify` is the check `install --deploy` makes: the lock must match the Pipfile.
      const lock = facts.hasLock ? ['/opt/pipenv/bin/pipenv verify'] : ['/opt/pipenv/bin/pipenv lock'];
      if (!facts.hasLock) warnings.push('no Pipfile.lock: every build resolves versions afresh; run `pipenv lock` and commit it');
      install = { kind: 'run', commands: [...lock, '/opt/pipenv/bin/pipenv requirements --hash > /tmp/requirements.txt', `${PIP_INTO_VENV} --require-hashes -r /tmp/requirements.txt`], mounts: [PIP_CACHE], comment: 'the [packages] of Pipfile.lock (not [dev-packages]), hash-checked, into /opt/venv' };
      break;
    }
    case 'pip': {
      depSteps.push({ kind: 'run', commands: [`${py} -m venv --without-pip ${VENV}`], comment: 'a venv without pip: the image\'s pip installs into it' });
      depSteps.push({ kind: 'env', vars: { VIRTUAL_ENV: VENV, PATH: `${VENV}/bin:$PATH` } });
      install = { kind: 'run', commands: [`${PIP_INTO_VENV} -r ${facts.requirementsFile ?? 'requirements.txt'}`], mounts: [PIP_CACHE], comment: 'into /opt/venv, copied whole to the runtime (never pip --user into /root/.local)' };
      if (facts.devRequirementFiles.length > 0) notes.push(`${facts.devRequirementFiles.join(', ')}: not installed (development only)`);
      break;
    }
    case 'pyproject': {
      depSteps.push({ kind: 'run', commands: [`${py} -m venv --without-pip ${VENV}`], comment: 'a venv without pip: the image\'s pip installs into it' });
      depSteps.push({ kind: 'env', vars: { VIRTUAL_ENV: VENV, PATH: `${VENV}/bin:$PATH` } });
      if (facts.installNeedsSource) {
        install = { kind: 'run', commands: [`${PIP_INTO_VENV} .`], mounts: [PIP_CACHE], comment: 'the project and its dependencies, into /opt/venv' };
      } else {
        const quoted = facts.pyprojectDependencies.map((d) => `'${d.replace(/'/g, "'\\''")}'`);
        install = quoted.length > 0
          ? { kind: 'run', commands: [`${PIP_INTO_VENV} ${quoted.join(' ')}`], mounts: [PIP_CACHE], comment: 'the [project] dependencies first, so a source change reuses this layer' }
          : undefined;
        if (facts.isPackage) rootInstall = { kind: 'run', commands: [`${PIP_INTO_VENV} --no-deps .`], mounts: [PIP_CACHE], comment: 'the project itself (its dependencies are already there)' };
      }
      break;
    }
  }
  const stages: Stage[] = [
    {
      name: 'deps',
      base: builder,
      comment: 'a virtual environment at /opt/venv with the runtime dependencies, from the manifests and lockfile only',
      steps: [...depSteps, { kind: 'workdir', path: '/app' }, ...(install ? [...copyManifests, install] : [])],
    },
  ];
  if (rootInstall) {
    stages.push({ name: 'build', base: 'deps', comment: 'install the project itself into the venv', steps: [{ kind: 'copy', sources: ['.'], dest: '.' }, rootInstall] });
  }
  const venvFrom = stages.at(-1)!.name;

  const user = flavor === 'distroless' ? DISTROLESS_USER : SLIM_USER;
  const rt: Step[] = [{ kind: 'env', vars: { PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', VIRTUAL_ENV: VENV, PATH: `${VENV}/bin:$PATH` } }];
  if (flavor === 'slim') {
    rt.push({ kind: 'run', commands: [`groupadd --system --gid ${APP_UID} app`, `useradd --system --uid ${APP_UID} --gid app --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app`], comment: 'an unprivileged user with a fixed numeric id' });
  } else if (flavor === 'alpine') {
    rt.push({ kind: 'run', commands: [`addgroup -S -g ${APP_UID} app`, `adduser -S -D -H -u ${APP_UID} -G app -s /sbin/nologin app`], comment: 'an unprivileged user with a fixed numeric id' });
  }
  rt.push({ kind: 'workdir', path: '/app' });
  rt.push({ kind: 'copy', from: venvFrom, sources: [VENV], dest: VENV, comment: 'the venv at the same path it was built at (its scripts name /opt/venv/bin/python)' });
  rt.push({ kind: 'copy', sources: ['.'], dest: '.', comment: 'the source; .dockerignore keeps .venv, __pycache__ and tests out' });
  rt.push({ kind: 'user', user });
  if (start.port) {
    rt.push({ kind: 'expose', port: start.port });
    const probe = `import http.client, sys; c = http.client.HTTPConnection('127.0.0.1', ${start.port}, timeout=3); c.request('GET', '/'); sys.exit(c.getresponse().status >= 500)`;
    rt.push({ kind: 'healthcheck', argv: ['python', '-c', probe], interval: '30s', timeout: '5s', startPeriod: '10s', retries: 3, comment: 'Python itself makes the request: the image has no curl' });
  }
  // distroless python3's ENTRYPOINT is the interpreter: replace it, or CMD would be its argument.
  rt.push(flavor === 'distroless' ? { kind: 'entrypoint', argv: start.cmd } : { kind: 'cmd', argv: start.cmd });
  stages.push({
    name: 'runtime',
    base: runtimeBase,
    comment: flavor === 'distroless' ? 'the interpreter, the venv and the source: no shell, no pip' : 'the interpreter, the venv and the source: no compiler, no installer, no caches',
    steps: rt,
  });

  const startFile = start.cmd[0] === 'python' && start.cmd[1]?.endsWith('.py') ? [start.cmd[1]] : [];
  return {
    stack: 'python',
    packageManager: facts.installer === 'pyproject' ? 'pip' : facts.installer,
    facts: {
      installer: facts.installer,
      pythonVersion: version,
      pythonVersionFrom: from,
      app: start.app,
      dependencies: facts.dependencies,
      isPackage: facts.isPackage,
      venv: VENV,
      lockfile: facts.hasLock,
    },
    stages,
    user,
    ...(start.port ? { port: start.port } : {}),
    cmd: start.cmd,
    dockerignore: {
      entries: ['.git', '**/.env', '**/.env.*', '**/*.log', '**/node_modules', '.venv', 'venv/', '**/__pycache__', '**/*.py[cod]', '.pytest_cache/', '.mypy_cache/', '.ruff_cache/', '.tox/', '.nox/', 'htmlcov/', '.coverage', '*.egg-info', 'dist/', 'build/', 'tests/', '.ipynb_checkpoints/', '.idea/', '.vscode/'],
      keep: [...installFiles, ...startFile],
    },
    context: '.',
    warnings,
    notes,
  };
}
