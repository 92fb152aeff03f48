import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryProject } from '../../../../src/project/project.js';
import { pythonProvider } from '../../../../src/providers/python/index.js';
import { findPythonPorts } from '../../../../src/providers/python/detect.js';
import { renderDockerfile } from '../../../../src/render/dockerfile.js';
import type { BuildPlan, InitOptions } from '../../../../src/plan/types.js';
import { DecisionNeeded, UserError } from '../../../../src/util/errors.js';

const opts = (o: Partial<InitOptions> = {}): InitOptions => ({ hostNodeMajor: 20, ...o });
function plan(files: Record<string, string>, o: Partial<InitOptions> = {}): BuildPlan {
  const facts = pythonProvider.detect(memoryProject(files), opts(o));
  assert.ok(facts, 'detected');
  return pythonProvider.plan(facts, opts(o));
}
const runs = (pl: BuildPlan) => pl.stages.flatMap((s) => s.steps.filter((st) => st.kind === 'run').map((st) => (st as { commands: string[] }).commands.join(' && ')));
const server = 'import os\nport = int(os.environ.get("PORT", "8000"))\n';
const fastapi = 'from fastapi import FastAPI\n\napi: FastAPI = FastAPI()\n';
const flask = 'from flask import Flask\napp = Flask(__name__)\n';

test('not Python without any manifest', () => {
  assert.equal(pythonProvider.detect(memoryProject({ 'main.py': '' }), opts()), undefined);
});

test('installer order: uv.lock > poetry.lock/[tool.poetry] > Pipfile > requirements.txt > pyproject > setup.py', () => {
  const inst = (files: Record<string, string>) => plan({ 'main.py': '', ...files }).packageManager;
  const pyproject = '[project]\nname = "x"\n';
  assert.equal(inst({ 'uv.lock': '', 'poetry.lock': '', 'requirements.txt': '', 'pyproject.toml': pyproject }), 'uv');
  assert.equal(inst({ 'poetry.lock': '', 'Pipfile': '', 'pyproject.toml': pyproject }), 'poetry');
  assert.equal(inst({ 'pyproject.toml': '[tool.poetry]\nname = "x"\n' }), 'poetry');
  assert.equal(inst({ 'Pipfile': '[packages]\n', 'requirements.txt': '' }), 'pipenv');
  assert.equal(inst({ 'requirements.txt': '', 'pyproject.toml': pyproject }), 'pip');
  assert.equal(inst({ 'pyproject.toml': pyproject }), 'pip');
  assert.equal(plan({ 'pyproject.toml': pyproject, 'main.py': '' }).facts.installer, 'pyproject');
  assert.equal(plan({ 'setup.py': '', 'main.py': '' }).facts.installer, 'pyproject');
});

test('pip: venv at /opt/venv without pip, install with the cache mount, same path in the runtime, numeric user, ENV', () => {
  const pl = plan({ 'requirements.txt': 'flask\n', 'requirements-dev.txt': 'pytest\n', 'server.py': server });
  assert.deepEqual(pl.stages.map((s) => [s.name, s.base]), [
    ['deps', 'python:3.13-slim'],
    ['runtime', 'python:3.13-slim'],
  ]);
  assert.ok(runs(pl).includes('python -m venv --without-pip /opt/venv'));
  const install = pl.stages[0]!.steps.find((s) => s.kind === 'run' && s.commands[0]!.includes('requirements.txt')) as { commands: string[]; mounts: { target: string }[] };
  assert.deepEqual(install.commands, ['PIP_PYTHON=/opt/venv/bin/python pip install -r requirements.txt']);
  assert.deepEqual(install.mounts.map((m) => m.target), ['/root/.cache/pip']);
  const rt = pl.stages.at(-1)!;
  assert.ok(rt.steps.some((s) => s.kind === 'copy' && s.from === 'deps' && s.sources[0] === '/opt/venv' && s.dest === '/opt/venv'));
  const env = rt.steps.find((s) => s.kind === 'env') as { vars: Record<string, string> };
  assert.deepEqual(env.vars, { PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', VIRTUAL_ENV: '/opt/venv', PATH: '/opt/venv/bin:$PATH' });
  assert.ok(runs(pl).some((r) => r.includes('useradd --system --uid 10001')));
  assert.equal(pl.user, '10001:10001');
  assert.deepEqual(pl.cmd, ['python', 'server.py']);
  assert.equal(pl.port, 8000);
  assert.ok(!runs(pl).some((r) => r.includes('requirements-dev')), 'dev requirements are never installed');
  assert.ok(pl.notes.some((n) => /requirements-dev\.txt: not installed/.test(n)));
  const text = renderDockerfile(pl, { comments: false });
  assert.doesNotMatch(text, /\/root\/\.local|--user/);
  assert.match(text, /HEALTHCHECK .*CMD \["python","-c","import http\.client/);
  assert.ok(pl.dockerignore.entries.includes('.venv') && pl.dockerignore.entries.includes('**/__pycache__') && pl.dockerignore.entries.includes('tests/'));
  assert.deepEqual(pl.dockerignore.keep, ['requirements.txt', 'server.py']);
});

test('pip: -r includes are copied before the install; a local path requirement needs the whole tree first', () => {
  const a = plan({ 'requirements.txt': '-r requirements/base.txt\n', 'requirements/base.txt': 'flask\n', 'app.py': flask + 'x = 1\n' });
  assert.ok(a.stages[0]!.steps.some((s) => s.kind === 'copy' && s.sources.join(' ') === 'requirements.txt' && s.dest === './'));
  assert.ok(a.stages[0]!.steps.some((s) => s.kind === 'copy' && s.sources.join(' ') === 'requirements/base.txt' && s.dest === './requirements/'));
  const b = plan({ 'requirements.txt': '-e .\n', 'setup.py': '', 'main.py': '' });
  assert.ok(b.stages[0]!.steps.some((s) => s.kind === 'copy' && s.sources[0] === '.'));
  assert.ok(b.notes.some((n) => /needs the source tree/.test(n)));
});

test('plain pyproject: [project] dependencies first, then the package itself with --no-deps', () => {
  const pl = plan({ 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["flask>=3", "gunicorn"]\n[build-system]\nrequires = ["setuptools"]\n', 'svc/app.py': flask });
  assert.ok(runs(pl).includes("PIP_PYTHON=/opt/venv/bin/python pip install 'flask>=3' 'gunicorn'"));
  assert.deepEqual(pl.stages.map((s) => s.name), ['deps', 'build', 'runtime']);
  assert.ok(runs(pl).includes('PIP_PYTHON=/opt/venv/bin/python pip install --no-deps .'));
  assert.deepEqual(pl.cmd, ['gunicorn', '--bind', '0.0.0.0:8000', 'svc.app:app']);
});

test('setup.py only: pip install . after the source, noted', () => {
  const pl = plan({ 'setup.py': 'from setuptools import setup\n', 'main.py': '' });
  assert.ok(runs(pl).includes('PIP_PYTHON=/opt/venv/bin/python pip install .'));
});

test('Poetry: poetry in its own venv, --only main --no-root into the activated /opt/venv, version from the lock header', () => {
  const pl = plan({
    'pyproject.toml': '[tool.poetry]\nname = "api"\n[tool.poetry.dependencies]\npython = "^3.11"\nfastapi = "*"\nuvicorn = "*"\n',
    'poetry.lock': '# This file is automatically @generated by Poetry 1.8.3 and should not be changed by hand.\n',
    'app/main.py': fastapi,
  });
  assert.ok(runs(pl).includes('python -m venv /opt/poetry && /opt/poetry/bin/pip install poetry==1.8.3'));
  assert.ok(runs(pl).includes('/opt/poetry/bin/poetry install --only main --no-root --no-ansi'));
  const env = pl.stages[0]!.steps.filter((s) => s.kind === 'env').map((s) => (s as { vars: Record<string, string> }).vars);
  assert.ok(env.some((v) => v.VIRTUAL_ENV === '/opt/venv' && v.POETRY_VIRTUALENVS_CREATE === 'false'));
  assert.ok(!renderDockerfile(pl, { comments: false }).includes('export'), 'no poetry export plugin');
  assert.deepEqual(pl.cmd, ['uvicorn', 'app.main:api', '--host', '0.0.0.0', '--port', '8000']);
  assert.equal(pl.stages[0]!.base, 'python:3.14-slim');
  assert.ok(!pl.stages.at(-1)!.steps.some((s) => s.kind === 'copy' && s.sources.includes('/opt/poetry')));
});

test('Poetry: no lock warns; old Poetry uses --no-dev; a console script installs the root in a build stage', () => {
  const pl = plan({ 'pyproject.toml': '[tool.poetry]\nname = "tool"\n[tool.poetry.scripts]\ntool = "tool.cli:main"\n', 'tool/cli.py': '' });
  assert.ok(pl.warnings.some((w) => /no poetry\.lock/.test(w)));
  assert.ok(runs(pl).includes('/opt/poetry/bin/poetry install --only main --no-ansi'));
  assert.deepEqual(pl.cmd, ['tool']);
  const old = plan({ 'pyproject.toml': '[tool.poetry]\nname = "x"\n', 'poetry.lock': '# @generated by Poetry 1.1.15\n', 'main.py': '' });
  assert.ok(runs(old).some((r) => r.includes('install --no-dev --no-root')));
});

test('uv: uv from its image, frozen sync without dev deps into /opt/venv with the uv cache', () => {
  const pl = plan({ 'pyproject.toml': '[project]\nname = "u"\nrequires-python = ">=3.10,<3.13"\n[project.scripts]\nu = "u:main"\n[build-system]\nrequires = ["hatchling"]\n', 'uv.lock': '' }, { port: 8080 });
  const dep = pl.stages[0]!;
  assert.ok(dep.steps.some((s) => s.kind === 'copy' && s.from?.startsWith('ghcr.io/astral-sh/uv:') && s.sources.includes('/uv')));
  assert.ok(dep.steps.some((s) => s.kind === 'env' && s.vars.UV_PROJECT_ENVIRONMENT === '/opt/venv'));
  const sync = dep.steps.find((s) => s.kind === 'run') as { commands: string[]; mounts: { target: string }[] };
  assert.deepEqual(sync.commands, ['uv sync --frozen --no-dev --no-install-project']);
  assert.deepEqual(sync.mounts.map((m) => m.target), ['/root/.cache/uv']);
  assert.ok(runs(pl).includes('uv sync --frozen --no-dev'));
  assert.equal(pl.stages[0]!.base, 'python:3.12-slim');
  assert.deepEqual(pl.cmd, ['u']);
  assert.equal(pl.port, 8080);
});

test('Pipenv: default packages from the lock, hash-checked; no lock warns', () => {
  const pl = plan({ 'Pipfile': '[packages]\nflask = "*"\n[requires]\npython_version = "3.12"\n', 'Pipfile.lock': '{}', 'app.py': flask });
  assert.ok(runs(pl).some((r) => r.startsWith('/opt/pipenv/bin/pipenv verify && ') && r.includes('pipenv requirements --hash > /tmp/requirements.txt') && r.includes('--require-hashes')));
  assert.equal(pl.stages[0]!.base, 'python:3.12-slim');
  assert.ok(pl.warnings.some((w) => /gunicorn/.test(w)), 'Flask without gunicorn warns');
  const nolock = plan({ 'Pipfile': '[packages]\n', 'main.py': '' });
  assert.ok(runs(nolock).some((r) => r.startsWith('/opt/pipenv/bin/pipenv lock')));
  assert.ok(nolock.warnings.some((w) => /no Pipfile\.lock/.test(w)));
});

test('start: Django from WSGI_APPLICATION (and a wsgi.py fallback)', () => {
  const base = { 'requirements.txt': 'django\ngunicorn\n', 'manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site1.settings")\n' };
  const pl = plan({ ...base, 'site1/settings.py': 'WSGI_APPLICATION = "site1.wsgi.application"\n' });
  assert.deepEqual(pl.cmd, ['gunicorn', '--bind', '0.0.0.0:8000', 'site1.wsgi:application']);
  assert.equal(pl.warnings.length, 0);
  const fallback = plan({ ...base, 'manage.py': '', 'proj/wsgi.py': 'application = None\n' });
  assert.deepEqual(fallback.cmd.at(-1), 'proj.wsgi:application');
});

test('start: FastAPI (src layout -> --app-dir), Flask factory, uvicorn from fastapi[standard]', () => {
  const a = plan({ 'requirements.txt': 'fastapi[standard]\n', 'src/svc/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' });
  assert.deepEqual(a.cmd, ['uvicorn', 'svc.main:app', '--host', '0.0.0.0', '--port', '8000', '--app-dir', 'src']);
  assert.equal(a.warnings.length, 0);
  const b = plan({ 'requirements.txt': 'flask\ngunicorn\n', 'web/__init__.py': 'def create_app():\n    pass\n' });
  assert.deepEqual(b.cmd, ['gunicorn', '--bind', '0.0.0.0:8000', 'web:create_app()']);
  const c = plan({ 'requirements.txt': 'fastapi\n', 'main.py': fastapi }, { port: 9000 });
  assert.deepEqual(c.cmd, ['uvicorn', 'main:api', '--host', '0.0.0.0', '--port', '9000']);
  assert.ok(c.warnings.some((w) => /uvicorn/.test(w)));
});

test('start: main.py/app.py/server.py; no port -> no EXPOSE and no HEALTHCHECK (noted); --cmd overrides', () => {
  const pl = plan({ 'requirements.txt': '', 'main.py': 'print(1)\n' });
  assert.deepEqual(pl.cmd, ['python', 'main.py']);
  assert.equal(pl.port, undefined);
  assert.ok(!pl.stages.at(-1)!.steps.some((s) => s.kind === 'expose' || s.kind === 'healthcheck'));
  assert.ok(pl.notes.some((n) => /no port found in main\.py/.test(n)));
  const o = plan({ 'requirements.txt': '', 'main.py': '', 'worker.py': server }, { cmd: ['python', 'worker.py'] });
  assert.deepEqual(o.cmd, ['python', 'worker.py']);
  assert.equal(o.port, 8000);
});

test('start: nothing to run is a decision naming --cmd; several scripts too', () => {
  assert.throws(() => plan({ 'requirements.txt': '', 'lib/x.py': '' }), (e: unknown) => e instanceof DecisionNeeded && /--cmd/.test(e.hint ?? '') && /main\.py, app\.py, server\.py/.test(e.message));
  assert.throws(() => plan({ 'pyproject.toml': '[project]\nname = "p"\n[project.scripts]\na = "p:a"\nb = "p:b"\n' }), (e: unknown) => e instanceof DecisionNeeded && /a, b/.test(e.message));
  assert.deepEqual(plan({ 'pyproject.toml': '[project]\nname = "b"\n[project.scripts]\na = "p:a"\nb = "p:b"\n' }).cmd, ['b']);
});

test('version: --python-version > .python-version > requires-python > runtime.txt > Pipfile > default (noted); conflicts warn', () => {
  const v = (files: Record<string, string>, o: Partial<InitOptions> = {}) => plan({ 'requirements.txt': '', 'main.py': '', ...files }, { base: 'slim', ...o }).stages[0]!.base;
  assert.equal(v({ '.python-version': '3.11\n' }, { pythonVersion: '3.12' }), 'python:3.12-slim');
  assert.equal(v({ '.python-version': '# pinned\n3.11.9\n', 'runtime.txt': 'python-3.10.1' }), 'python:3.11-slim');
  assert.equal(v({ 'pyproject.toml': '[project]\nname="x"\nrequires-python = ">=3.9,<3.12"\n' }), 'python:3.11-slim');
  assert.equal(v({ 'runtime.txt': 'python-3.10.4\n' }), 'python:3.10-slim');
  assert.equal(v({}), 'python:3.13-slim');
  assert.ok(plan({ 'requirements.txt': '', 'main.py': '' }).notes.some((n) => /names no Python version/.test(n)));
  assert.ok(plan({ 'requirements.txt': '', 'main.py': '', '.python-version': 'pypy3.10\n' }).notes.some((n) => /not a CPython 3 version/.test(n)));
  const conflict = plan({ 'main.py': '', '.python-version': '3.10', 'pyproject.toml': '[project]\nname="x"\nrequires-python = ">=3.11"\n' });
  assert.ok(conflict.warnings.some((w) => /does not satisfy requires-python/.test(w)));
  assert.throws(() => plan({ 'main.py': '', 'pyproject.toml': '[project]\nname="x"\nrequires-python = ">=4"\n' }), (e: unknown) => e instanceof UserError && e.exitCode === 1);
  assert.throws(() => plan({ 'requirements.txt': '', 'main.py': '' }, { pythonVersion: 'latest' }), (e: unknown) => e instanceof UserError && e.exitCode === 2);
});

test('default base: distroless python3 for Debian 12\'s 3.11, slim (noted) for any other version', () => {
  const files = { 'requirements.txt': '', 'server.py': server };
  assert.equal(plan({ ...files, '.python-version': '3.11' }).stages.at(-1)!.base, 'gcr.io/distroless/python3-debian12:nonroot');
  const other = plan({ ...files, '.python-version': '3.12' });
  assert.equal(other.stages.at(-1)!.base, 'python:3.12-slim');
  assert.ok(other.notes.some((n) => /distroless python3 carries only 3\.11/.test(n)));
});

test('--base distroless: Debian builder with python3-venv, distroless python3 runtime, ENTRYPOINT, only for 3.11', () => {
  const files = { 'requirements.txt': '', '.python-version': '3.11', 'server.py': server };
  const pl = plan(files, { base: 'distroless' });
  assert.deepEqual(pl.stages.map((s) => s.base), ['debian:bookworm-slim', 'gcr.io/distroless/python3-debian12:nonroot']);
  assert.ok(runs(pl).some((r) => r.includes('python3-venv')));
  assert.ok(runs(pl).includes('python3 -m venv --without-pip /opt/venv'));
  assert.equal(pl.user, '65532:65532');
  const rt = pl.stages.at(-1)!;
  assert.ok(rt.steps.some((s) => s.kind === 'entrypoint'));
  assert.ok(!rt.steps.some((s) => s.kind === 'run'), 'no shell in distroless: no RUN in the runtime stage');
  assert.throws(() => plan({ ...files, '.python-version': '3.12' }, { base: 'distroless' }), (e: unknown) => e instanceof DecisionNeeded && /3\.11/.test(e.message));
});

test('--base alpine: alpine images, busybox adduser, a musl warning when there are dependencies', () => {
  const pl = plan({ 'requirements.txt': 'numpy\n', 'main.py': '' }, { base: 'alpine' });
  assert.equal(pl.stages[0]!.base, 'python:3.13-alpine');
  assert.ok(runs(pl).some((r) => r.includes('adduser -S -D -H -u 10001')));
  assert.ok(pl.warnings.some((w) => /musl/.test(w)));
});

test('findPythonPorts', () => {
  assert.deepEqual(findPythonPorts('app.run(host="0.0.0.0", port=5000)'), [5000]);
  assert.deepEqual(findPythonPorts('HTTPServer(("", 8080), H)'), [8080]);
  assert.deepEqual(findPythonPorts('os.getenv("PORT", 7000)'), [7000]);
  assert.deepEqual(findPythonPorts('print("hi")'), []);
});

test('a malformed pyproject.toml is a UserError naming the file', () => {
  assert.throws(() => pythonProvider.detect(memoryProject({ 'pyproject.toml': '[project\nname = 1' }), opts()), (e: unknown) => e instanceof UserError && e.exitCode === 2 && /pyproject\.toml/.test(e.file ?? ''));
});

test('what the install in the image would choke on stops init (exit 2, the file named): a missing -r include, a broken uv.lock, poetry.lock or Pipfile.lock', async () => {
  const { UserError } = await import('../../../../src/util/errors.js');
  const o = { hostNodeMajor: 20 };
  const fails = (files: Record<string, string>, file: RegExp, message: RegExp) =>
    assert.throws(
      () => pythonProvider.detect(memoryProject(files), o),
      (e: unknown) => e instanceof UserError && e.exitCode === 2 && file.test(e.file ?? '') && message.test(e.message),
    );
  fails({ 'requirements.txt': 'flask\n-r base.txt\n', 'app.py': '' }, /^requirements\.txt$/, /includes base\.txt .*does not exist/);
  fails({ 'pyproject.toml': '[project]\nname = "x"\n', 'uv.lock': 'version = [\n', 'main.py': '' }, /uv\.lock$/, /invalid TOML/);
  fails({ 'pyproject.toml': '[tool.poetry]\nname = "x"\n', 'poetry.lock': '[[package]\n', 'main.py': '' }, /poetry\.lock$/, /invalid TOML/);
  fails({ Pipfile: '[packages]\nflask = "*"\n', 'Pipfile.lock': '{', 'app.py': '' }, /Pipfile\.lock$/, /invalid JSON/);
  // An include that exists is copied with the main file.
  const facts = pythonProvider.detect(memoryProject({ 'requirements.txt': '-r base.txt\n', 'base.txt': 'flask\n', 'app.py': '' }), o);
  assert.ok(facts);
});

test('--base distroless with a range that allows 3.11 builds on 3.11 (was refused over the newest minor); an exact other version is still refused', async () => {
  const { DecisionNeeded } = await import('../../../../src/util/errors.js');
  const o = { hostNodeMajor: 20, base: 'distroless' as const };
  const planFor = (files: Record<string, string>) => {
    const facts = pythonProvider.detect(memoryProject(files), o);
    assert.ok(facts);
    return pythonProvider.plan(facts, o);
  };
  const ranged = planFor({ 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.10,<3.13"\ndependencies = []\n', 'main.py': '' });
  assert.equal(ranged.stages.at(-1)!.base, 'gcr.io/distroless/python3-debian12:nonroot');
  assert.ok(ranged.notes.some((n) => /Python 3\.11, the one distroless python3 carries: requires-python ">=3\.10,<3\.13" allows it/.test(n)), ranged.notes.join('\n'));
  assert.throws(() => planFor({ 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.12"\n', 'main.py': '' }), DecisionNeeded);
  assert.throws(() => planFor({ '.python-version': '3.12\n', 'requirements.txt': 'flask\n', 'app.py': '' }), DecisionNeeded);
  // Without --base the newest minor in the range is still the default (on slim).
  const facts = pythonProvider.detect(memoryProject({ 'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.10,<3.13"\n', 'main.py': '' }), { hostNodeMajor: 20 });
  assert.match(pythonProvider.plan(facts!, { hostNodeMajor: 20 }).stages.at(-1)!.base, /^python:3\.12-slim$/);
});

test('--python-version outside the minors stagecraft knows is warned about (python:3.99-slim does not exist)', () => {
  const files = { 'requirements.txt': 'flask\n', 'app.py': '' };
  const planWith = (v: string) => {
    const o = { hostNodeMajor: 20, pythonVersion: v };
    return pythonProvider.plan(pythonProvider.detect(memoryProject(files), o)!, o);
  };
  assert.ok(planWith('3.99').warnings.some((w) => /--python-version 3\.99: not a Python stagecraft knows/.test(w)));
  assert.ok(!planWith('3.12').warnings.some((w) => /not a Python stagecraft knows/.test(w)));
});

test('pip: included files in sub-folders are copied into their folder (several sources into ./ would flatten them)', () => {
  const pl = plan({ 'requirements.txt': '-r requirements/base.txt\ngunicorn\n', 'requirements/base.txt': 'flask\n', 'app.py': flask });
  const copies = pl.stages[0]!.steps.filter((s) => s.kind === 'copy') as { sources: string[]; dest: string }[];
  assert.deepEqual(copies.map((c) => [c.sources, c.dest]), [[['requirements.txt'], './'], [['requirements/base.txt'], './requirements/']]);
});

test('pip: a requirements/ folder without requirements.txt installs production.txt (or prod/base), never dev.txt', () => {
  const files = { 'requirements/base.txt': 'flask\n', 'requirements/production.txt': '-r base.txt\ngunicorn\n', 'requirements/dev.txt': '-r base.txt\npytest\n', 'app.py': flask };
  const pl = plan(files);
  assert.equal(pl.packageManager, 'pip');
  assert.ok(runs(pl).some((r) => r.endsWith('pip install -r requirements/production.txt')), runs(pl).join('\n'));
  const copies = pl.stages[0]!.steps.filter((s) => s.kind === 'copy') as { sources: string[]; dest: string }[];
  assert.deepEqual(copies.map((c) => [c.sources, c.dest]), [[['requirements/production.txt', 'requirements/base.txt'], './requirements/']]);
  assert.ok(pl.notes.some((n) => /requirements\/dev\.txt: not installed/.test(n)));
  const onlyBase = plan({ 'requirements/base.txt': 'flask\n', 'app.py': flask });
  assert.ok(runs(onlyBase).some((r) => r.endsWith('-r requirements/base.txt')));
  assert.equal(pythonProvider.detect(memoryProject({ 'requirements/dev.txt': 'pytest\n', 'app.py': '' }), opts()), undefined, 'dev requirements alone are no production install');
});
