import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeContext, fixedDockerignore, sourceMatcher, ignoreFileFor, createMatcher } from '../../../src/context/index.js';
import { UserError } from '../../../src/util/errors.js';
import { makeTree, removeTree } from './tree.js';

const DOCKERFILE = `FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS build
COPY . .
RUN npm run build

FROM node:20-slim AS unused
COPY tools/ /tools/

FROM node:20-slim
WORKDIR /srv
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY config/*.json ./config/
CMD ["node", "dist/server.js"]
`;

const project = () =>
  makeTree({
    Dockerfile: DOCKERFILE,
    '.dockerignore': 'node_modules\n.git\n',
    'package.json': '{"name":"x"}',
    'package-lock.json': '{}',
    'src/server.ts': 'console.log(1)',
    'src/util.ts': 'export {}',
    'config/app.json': '{}',
    'config/nested/deep.json': '{}',
    'tools/gen.sh': 'echo',
    '.env': 'TOKEN=1',
    'node_modules/left-pad/index.js': 'x',
    'README.md': '# x',
  });

test('COPY source globs follow filepath.Match: * does not cross /, a folder takes everything below', () => {
  assert.equal(sourceMatcher('config/*.json')('config/app.json'), true);
  assert.equal(sourceMatcher('config/*.json')('config/nested/deep.json'), false);
  assert.equal(sourceMatcher('con*')('config/nested/deep.json'), true, 'a matched folder brings its contents');
  assert.equal(sourceMatcher('src')('src/a/b.ts'), true);
  assert.equal(sourceMatcher('src')('srcx/a'), false);
  assert.equal(sourceMatcher('.')('anything/at/all'), true);
  assert.equal(sourceMatcher('file?.txt')('file1.txt'), true);
  assert.equal(sourceMatcher('[ab].txt')('c.txt'), false);
});

test('report: counts, per-COPY files and bytes, stage reach and the final image', () => {
  const root = project();
  try {
    const r = analyzeContext({ dir: root });
    assert.equal(r.fileCount, 11);
    assert.equal(r.excluded.fileCount, 1);
    const byLine = Object.fromEntries(r.copies.map((c) => [c.line, c]));
    assert.deepEqual([byLine[3]!.fileCount, byLine[3]!.bytes], [2, 14]);
    assert.equal(byLine[7]!.fileCount, 11, 'COPY . . takes every file sent');
    assert.deepEqual(byLine[7]!.secrets, ['.env']);
    assert.equal(byLine[15]!.from, 'deps');
    assert.equal(byLine[17]!.fileCount, 1);
    const build = r.stages.find((s) => s.stage === 'build')!;
    assert.deepEqual(build.secrets, [{ path: '.env', imagePath: '/app/.env' }]);
    // The final stage copies only /app/dist and /app/node_modules: the .env stays behind.
    assert.deepEqual(r.finalImage.secrets, []);
    assert.ok(r.findings.some((f) => f.code === 'secret-env'));
  } finally {
    removeTree(root);
  }
});

test('a secret follows COPY --from chains into the final image', () => {
  const root = makeTree({
    Dockerfile: 'FROM debian:bookworm-slim AS a\nWORKDIR /src\nCOPY . .\n\nFROM debian:bookworm-slim AS b\nCOPY --from=a /src /opt/app\n\nFROM debian:bookworm-slim\nCOPY --from=b /opt /opt\n',
    'deploy/id_rsa': '-----BEGIN RSA PRIVATE KEY-----\nx\n',
    'main.sh': 'echo',
  });
  try {
    const r = analyzeContext({ dir: root });
    assert.deepEqual(r.finalImage.secrets, ['deploy/id_rsa']);
    assert.deepEqual(r.stages.at(-1)!.secrets, [{ path: 'deploy/id_rsa', imagePath: '/opt/app/deploy/id_rsa' }]);
    assert.ok(r.stages.at(-1)!.final);
  } finally {
    removeTree(root);
  }
});

test('COPY of a path the .dockerignore excludes, and of one that does not exist, are reported', () => {
  const root = makeTree({ Dockerfile: 'FROM debian:bookworm-slim\nCOPY dist/ /app/\nCOPY missing.txt /app/\n', '.dockerignore': 'dist\n', 'dist/a.js': 'x' });
  try {
    const r = analyzeContext({ dir: root });
    assert.deepEqual(r.copies[0]!.ignored, ['dist/']);
    assert.deepEqual(r.copies[1]!.missing, ['missing.txt']);
  } finally {
    removeTree(root);
  }
});

test('<Dockerfile>.dockerignore takes precedence over the root .dockerignore', () => {
  const root = makeTree({
    'docker/web.Dockerfile': 'FROM debian:bookworm-slim\nCOPY . /app\n',
    'docker/web.Dockerfile.dockerignore': 'secret.txt\n',
    '.dockerignore': 'public.txt\n',
    'secret.txt': 's',
    'public.txt': 'p',
  });
  try {
    const df = join(root, 'docker/web.Dockerfile');
    assert.equal(ignoreFileFor(root, df).path, `${df}.dockerignore`);
    const r = analyzeContext({ dir: root, dockerfile: df });
    const files = r.walk.sent.map((s) => s.path);
    assert.ok(files.includes('public.txt'));
    assert.ok(!files.includes('secret.txt'));
    assert.equal(ignoreFileFor(root, join(root, 'Dockerfile')).path, join(root, '.dockerignore'));
  } finally {
    removeTree(root);
  }
});

test('the filesystem root is refused as a context with a clear message', () => {
  assert.throws(() => analyzeContext({ dir: '/' }), (e: unknown) => e instanceof UserError && /filesystem root/.test(e.message));
  assert.throws(() => analyzeContext({ dir: '/definitely/not/here' }), UserError);
});

test('cache map: a source edit re-runs the build stage from COPY . . and the final stage from its COPY --from', () => {
  const root = project();
  try {
    const r = analyzeContext({ dir: root, changed: ['src/server.ts'] });
    const by = Object.fromEntries(r.cache!.stages.map((s) => [s.stage, s]));
    assert.equal(by.deps!.line, null, 'manifests unchanged: the install stays cached');
    assert.equal(by.build!.line, 7);
    assert.deepEqual(by.build!.stepLines, [7, 8]);
    assert.equal(by.unused!.built, false);
    assert.equal(by['stage-3']!.line, 16, 'COPY --from=build re-runs; COPY --from=deps before it stays cached');
    assert.deepEqual(by['stage-3']!.stepLines, [16, 17]);
  } finally {
    removeTree(root);
  }
});

test('cache map: a lockfile edit re-runs everything downstream of the install, FROM <stage> included', () => {
  const root = project();
  try {
    const r = analyzeContext({ dir: root, changed: ['./package-lock.json'] });
    const by = Object.fromEntries(r.cache!.stages.map((s) => [s.stage, s]));
    assert.equal(by.deps!.line, 3);
    assert.equal(by.build!.line, 6, 'built on deps: re-runs from its FROM');
    assert.equal(by['stage-3']!.line, 15);
    assert.equal(r.cache!.steps, 2 + 2 + 3);
  } finally {
    removeTree(root);
  }
});

test('cache map: ignored and untaken changes rebuild nothing; bind mounts count', () => {
  const root = makeTree({
    Dockerfile: 'FROM debian:bookworm-slim\nRUN --mount=type=bind,source=scripts,target=/s sh /s/run.sh\nCOPY app/ /app/\n',
    '.dockerignore': 'node_modules\n',
    'scripts/run.sh': 'echo',
    'app/a': 'a',
    'docs/x.md': 'x',
  });
  try {
    const r = analyzeContext({ dir: root, changed: ['node_modules/x.js', 'docs/x.md'] });
    assert.deepEqual(r.cache!.ignoredChanges, ['node_modules/x.js']);
    assert.deepEqual(r.cache!.unusedChanges, ['docs/x.md']);
    assert.equal(r.cache!.steps, 0);
    const r2 = analyzeContext({ dir: root, changed: ['scripts/run.sh'] });
    assert.equal(r2.cache!.stages[0]!.line, 2);
    const r3 = analyzeContext({ dir: root, changed: ['Dockerfile', '.dockerignore'] });
    assert.equal(r3.cache!.notes.length, 2, 'what the map cannot see is said');
  } finally {
    removeTree(root);
  }
});

test('layer order: source files copied before the dependency install, with the reordering', () => {
  const root = makeTree({
    Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "index.js"]\n',
    'package.json': '{}',
    'package-lock.json': '{}',
    'index.js': 'x',
    'lib/a.js': 'x',
  });
  try {
    const [l] = analyzeContext({ dir: root }).layerOrder;
    assert.ok(l);
    assert.equal(l.copyLine, 3);
    assert.equal(l.installLine, 4);
    assert.ok(l.offenders.includes('index.js'));
    assert.ok(!l.offenders.includes('package.json'));
    assert.deepEqual(l.fix, ['COPY package-lock.json package.json ./', 'RUN npm ci --omit=dev', 'COPY . .']);
  } finally {
    removeTree(root);
  }
});

test('a good layer order raises nothing', () => {
  const root = makeTree({
    Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n',
    'package.json': '{}',
    'package-lock.json': '{}',
    'index.js': 'x',
  });
  try {
    assert.deepEqual(analyzeContext({ dir: root }).layerOrder, []);
  } finally {
    removeTree(root);
  }
});

test('--fix text: the user lines first and intact, the recommendations added, the result keeps them out', () => {
  const root = project();
  try {
    const r = analyzeContext({ dir: root });
    const text = fixedDockerignore(r);
    assert.ok(text.startsWith('node_modules\n.git\n'));
    const m = createMatcher(text);
    assert.equal(m.ignores('.env'), true);
    assert.equal(m.ignores('package.json'), false);
    assert.equal(m.ignores('config/app.json'), false);
  } finally {
    removeTree(root);
  }
});

test('layer order: an install chained with a build is split, the build after the sources', () => {
  const root = makeTree({
    Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev\n',
    'package.json': '{}',
    'src/a.ts': 'x',
    '.eslintrc': '{}',
  });
  try {
    const [l] = analyzeContext({ dir: root }).layerOrder;
    assert.deepEqual(l!.fix, ['COPY package.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build && npm prune --omit=dev']);
    assert.equal(l!.offenders[0], 'Dockerfile', 'visible source files before dot-files in the sample');
  } finally {
    removeTree(root);
  }
});

test('--target names a stage that exists, or the command says which ones do', () => {
  const root = project();
  try {
    assert.throws(() => analyzeContext({ dir: root, target: 'nope' }), (e: unknown) => e instanceof UserError && /no stage named nope/.test(e.message) && /deps, build, unused, stage-3/.test(e.hint ?? ''));
    const r = analyzeContext({ dir: root, target: 'build', changed: ['src/server.ts'] });
    assert.equal(r.stages.find((s) => s.final)!.stage, 'build');
    assert.equal(r.cache!.stages.find((s) => s.stage === 'stage-3')!.built, false);
  } finally {
    removeTree(root);
  }
});

test('an anchored "/name" that matches nothing gets no "**/name" advice (init writes a root-only .gitignore entry so; **/name would drop a source folder)', () => {
  const root = makeTree({ Dockerfile: 'FROM golang:1.23\nCOPY . .\n', '.dockerignore': '/greeter\ntool\n', 'cmd/greeter/main.go': 'package main', 'cmd/tool/main.go': 'package main' });
  try {
    const r = analyzeContext({ dir: root });
    const unused = r.findings.filter((f) => f.code === 'pattern-unused');
    assert.equal(unused.length, 2);
    assert.doesNotMatch(unused.find((f) => f.path === '/greeter')!.message, /would match below/);
    assert.match(unused.find((f) => f.path === 'tool')!.message, /"\*\*\/tool" would match below it/);
  } finally {
    removeTree(root);
  }
});
