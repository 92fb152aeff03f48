import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeProvider } from '../../../../src/providers/node/index.js';
import { renderDockerfile } from '../../../../src/render/dockerfile.js';
import type { BuildPlan, InitOptions, Step } from '../../../../src/plan/types.js';
import { DecisionNeeded, UserError } from '../../../../src/util/errors.js';
import { npmLock, opts, pkg, project } from './helpers.js';

const expressDeps = { dependencies: { express: '^5.1.0' }, devDependencies: { nodemon: '^3.1.0' } };

function planFor(files: Record<string, string>, o: Partial<InitOptions> = {}, at?: string): BuildPlan {
  let p = project(files);
  if (at) p = p.at(at);
  const facts = nodeProvider.detect(p, opts(o));
  assert.ok(facts, 'detected');
  return nodeProvider.plan(facts, opts(o));
}

const express = (extra: Record<string, string> = {}, fields: Record<string, unknown> = {}) => ({
  'package.json': pkg({ ...expressDeps, scripts: { start: 'node server.js' }, ...fields }),
  'package-lock.json': npmLock({ ...expressDeps, ...fields }),
  'server.js': "const port = process.env.PORT || 3000;\napp.listen(port);\n",
  ...extra,
});

const stage = (plan: BuildPlan, name: string) => plan.stages.find((s) => s.name === name);
const runs = (plan: BuildPlan, name: string) => (stage(plan, name)?.steps.filter((s): s is Extract<Step, { kind: 'run' }> => s.kind === 'run') ?? []).flatMap((s) => s.commands);

test('no package.json: not a Node.js project', () => {
  assert.equal(nodeProvider.detect(project({ 'main.go': '' }), opts()), undefined);
});

test('npm, no build: deps + distroless runtime, node server.js as 65532', () => {
  const plan = planFor(express());
  assert.deepEqual(plan.stages.map((s) => [s.name, s.base]), [
    ['deps', 'node:20-bookworm-slim'],
    ['runtime', 'gcr.io/distroless/nodejs20-debian12:nonroot'],
  ]);
  assert.deepEqual(runs(plan, 'deps'), ['npm ci --omit=dev']);
  assert.equal(plan.user, '65532:65532');
  assert.deepEqual(plan.cmd, ['/nodejs/bin/node', 'server.js']);
  assert.equal(plan.port, 3000);
  assert.equal(plan.packageManager, 'npm');
  assert.equal(plan.context, '.');
  const text = renderDockerfile(plan);
  assert.match(text, /CMD \["server.js"\]/);
  assert.match(text, /HEALTHCHECK .*CMD \["\/nodejs\/bin\/node","-e","fetch\('http:\/\/127.0.0.1:3000\/'\)/);
  assert.match(text, /ENV NODE_ENV=production PORT=3000/);
  assert.ok(plan.dockerignore.entries.includes('**/node_modules'));
  assert.ok(plan.dockerignore.keep.includes('package-lock.json'));
});

test('--base slim and --base alpine', () => {
  const slim = planFor(express(), { base: 'slim' });
  assert.equal(stage(slim, 'runtime')?.base, 'node:20-bookworm-slim');
  assert.equal(slim.user, '1000:1000');
  assert.deepEqual(slim.cmd, ['node', 'server.js']);
  assert.match(renderDockerfile(slim), /HEALTHCHECK .*CMD \["node","-e"/);
  const alpine = planFor(express(), { base: 'alpine' });
  assert.deepEqual(alpine.stages.map((s) => s.base), ['node:20-alpine', 'node:20-alpine']);
  assert.deepEqual(alpine.warnings, []);
});

test('native modules: toolchain image for the install, a warning on Alpine', () => {
  const files = express({}, { dependencies: { express: '^5.1.0', bcrypt: '^6.0.0' } });
  const plan = planFor(files);
  assert.equal(stage(plan, 'deps')?.base, 'node:20-bookworm');
  assert.equal(stage(plan, 'runtime')?.base, 'gcr.io/distroless/nodejs20-debian12:nonroot');
  const alpine = planFor(files, { base: 'alpine' });
  assert.match(alpine.warnings.join('\n'), /native modules \(bcrypt\) on Alpine/);
  assert.deepEqual(runs(alpine, 'deps')[0], 'apk add --no-cache python3 make g++');
});

test('a TypeScript build: build stage, only dist and package.json ship', () => {
  const fields = { dependencies: { express: '^5.1.0' }, devDependencies: { typescript: '^5.9.0' } };
  const plan = planFor({
    'package.json': pkg({ ...fields, type: 'module', scripts: { build: 'tsc', start: 'node dist/server.js' } }),
    'package-lock.json': npmLock(fields),
    'tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }',
    'src/server.ts': 'app.listen(Number(process.env.PORT ?? 8080));',
  });
  assert.deepEqual(plan.stages.map((s) => s.name), ['deps', 'build', 'runtime']);
  assert.deepEqual(runs(plan, 'build'), ['npm ci', 'npm run build']);
  const copies = stage(plan, 'runtime')!.steps.filter((s) => s.kind === 'copy');
  assert.deepEqual(copies.map((c) => c.kind === 'copy' && `${c.from ?? 'ctx'}:${c.sources.join(',')}`), ['deps:/app/node_modules', 'ctx:package.json', 'build:/app/dist']);
  assert.equal(plan.port, 8080);
  assert.deepEqual(plan.cmd, ['/nodejs/bin/node', 'dist/server.js']);
  assert.ok(plan.dockerignore.entries.includes('dist'));
});

test('no production dependencies: no deps stage', () => {
  const plan = planFor({ 'package.json': pkg({ scripts: { start: 'node index.js' } }), 'package-lock.json': npmLock({}), 'index.js': 'require("http").createServer().listen(3000)' });
  assert.deepEqual(plan.stages.map((s) => s.name), ['runtime']);
});

test('--port, --cmd and --node-version override detection', () => {
  const plan = planFor(express(), { port: 9000, cmd: ['node', '--max-old-space-size=256', 'server.js'], nodeVersion: '22' });
  assert.equal(plan.port, 9000);
  assert.deepEqual(plan.cmd, ['/nodejs/bin/node', '--max-old-space-size=256', 'server.js']);
  assert.equal(stage(plan, 'runtime')?.base, 'gcr.io/distroless/nodejs22-debian12:nonroot');
  assert.match(plan.notes.join('\n'), /Node.js 22: from --node-version/);
});

test('a --cmd that is not node replaces the distroless ENTRYPOINT, with a warning for npm', () => {
  const plan = planFor(express(), { cmd: ['npm', 'start'] });
  assert.deepEqual(plan.cmd, ['npm', 'start']);
  assert.match(plan.warnings.join('\n'), /no package manager/);
  assert.match(renderDockerfile(plan), /ENTRYPOINT \["npm","start"\]/);
});

test('engines.node range: the newest LTS inside it; odd majors leave distroless for slim', () => {
  assert.equal(stage(planFor(express({}, { engines: { node: '>=18' } })), 'runtime')?.base, 'gcr.io/distroless/nodejs26-debian12:nonroot');
  const odd = planFor(express({ '.nvmrc': '21' }));
  assert.equal(stage(odd, 'runtime')?.base, 'node:21-bookworm-slim');
  assert.match(odd.notes.join('\n'), /distroless publishes no Node.js 21 image/);
});

test('port: a guess gets a note and no HEALTHCHECK', () => {
  const plan = planFor(express({ 'server.js': 'app.listen(config.port)' }));
  assert.equal(plan.port, 3000);
  assert.match(plan.notes.join('\n'), /port 3000 assumed/);
  assert.doesNotMatch(renderDockerfile(plan), /HEALTHCHECK/);
});

test('no start command: a DecisionNeeded that names what was looked for and --cmd', () => {
  const files = { 'package.json': pkg({ dependencies: { express: '^5' } }), 'package-lock.json': npmLock({ dependencies: { express: '^5' } }), 'lib/app.js': '' };
  assert.throws(
    () => planFor(files),
    (e: unknown) => e instanceof DecisionNeeded && /"start" script/.test(e.message) && /server\.js/.test(e.message) && /--cmd/.test(e.hint ?? ''),
  );
  assert.deepEqual(planFor(files, { cmd: ['node', 'lib/app.js'] }).cmd, ['/nodejs/bin/node', 'lib/app.js']);
});

test('a lockfile out of sync: a clear refusal, not a fallback', () => {
  const files = express({ 'package-lock.json': npmLock({ dependencies: { express: '^4.0.0' } }) });
  assert.throws(
    () => planFor(files),
    (e: unknown) => e instanceof UserError && e.exitCode === 1 && /out of sync/.test(e.message) && /express is \^5\.1\.0 in package\.json but \^4\.0\.0/.test(e.message) && /npm install/.test(e.hint ?? ''),
  );
});

test('no lockfile: npm install (never npm ci) and a warning', () => {
  const files = express();
  delete (files as Record<string, string>)['package-lock.json'];
  const plan = planFor(files);
  assert.deepEqual(runs(plan, 'deps'), ['npm install --omit=dev']);
  assert.match(plan.warnings.join('\n'), /no lockfile/);
  assert.doesNotMatch(renderDockerfile(plan), /npm ci/);
});

test('a prepare script (husky) is dropped before the install', () => {
  const plan = planFor(express({}, { scripts: { start: 'node server.js', prepare: 'husky' } }));
  assert.deepEqual(runs(plan, 'deps'), ['npm pkg delete scripts.prepare', 'npm ci --omit=dev']);
});

test('pnpm: the pinned version through npm, store as a cache mount, prod install', () => {
  const plan = planFor({
    'package.json': pkg({ ...expressDeps, packageManager: 'pnpm@10.34.9', scripts: { start: 'node server.js' } }),
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      express:\n        specifier: ^5.1.0\n        version: 5.3.0\n    devDependencies:\n      nodemon:\n        specifier: ^3.1.0\n        version: 3.1.14\n",
    '.npmrc': 'auto-install-peers=true\n',
    'server.js': 'app.listen(3000)',
  });
  assert.equal(plan.packageManager, 'pnpm');
  assert.deepEqual(runs(plan, 'deps'), ['npm install -g pnpm@10.34.9', 'pnpm install --frozen-lockfile --prod --store-dir /pnpm/store']);
  const text = renderDockerfile(plan);
  assert.match(text, /--mount=type=cache,id=pnpm-store,target=\/pnpm\/store/);
  assert.match(text, /COPY package.json pnpm-lock.yaml .npmrc .\//);
  assert.doesNotMatch(text, /COREPACK_INTEGRITY_KEYS/);
});

test('Yarn 1: frozen lockfile, production, locked cache', () => {
  const plan = planFor({
    'package.json': pkg({ ...expressDeps }),
    'yarn.lock': '# yarn lockfile v1\n\nexpress@^5.1.0:\n  version "5.3.0"\n\nnodemon@^3.1.0:\n  version "3.1.14"\n',
    'server.js': 'app.listen(3000)',
  });
  assert.equal(plan.packageManager, 'yarn');
  assert.deepEqual(runs(plan, 'deps'), ['npm install -g --force yarn@1.22.22', 'yarn install --frozen-lockfile --production --non-interactive']);
  assert.match(renderDockerfile(plan), /target=\/usr\/local\/share\/.cache\/yarn,sharing=locked/);
});

test('Yarn Berry: corepack, workspaces focus, .yarnrc.yml and .yarn/releases copied; PnP refused', () => {
  const files = {
    'package.json': pkg({ ...expressDeps, packageManager: 'yarn@3.8.7' }),
    'yarn.lock': '__metadata:\n  version: 6\n\n"express@npm:^5.1.0":\n  version: 5.3.0\n\n"nodemon@npm:^3.1.0":\n  version: 3.1.14\n',
    '.yarnrc.yml': 'nodeLinker: node-modules\nyarnPath: .yarn/releases/yarn-3.8.7.cjs\n',
    '.yarn/releases/yarn-3.8.7.cjs': '',
    'server.js': 'app.listen(3000)',
  };
  const plan = planFor(files);
  assert.equal(plan.packageManager, 'yarn-berry');
  assert.deepEqual(runs(plan, 'deps'), ['corepack enable', 'yarn plugin import workspace-tools && yarn workspaces focus --all --production']);
  const text = renderDockerfile(plan);
  assert.match(text, /COPY package.json yarn.lock .yarnrc.yml .\//);
  assert.match(text, /COPY .yarn\/releases .\/.yarn\/releases\//);
  const yarn4 = planFor({ ...files, 'package.json': pkg({ ...expressDeps, packageManager: 'yarn@4.9.1' }) }, { nodeVersion: '26' });
  assert.deepEqual(runs(yarn4, 'deps'), ['npm install -g corepack@0.36', 'corepack enable', 'yarn workspaces focus --all --production']);
  assert.throws(() => planFor({ ...files, '.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-3.8.7.cjs\n' }), (e: unknown) => e instanceof DecisionNeeded && /Plug'n'Play/.test(e.message));
});

const workspaceFiles = () => {
  const api = { dependencies: { '@m/core': '1.0.0', express: '^5.1.0' } };
  return {
    'package.json': pkg({ name: 'root', private: true, workspaces: ['packages/*'], devDependencies: { nodemon: '^3.1.0' } }),
    'package-lock.json': JSON.stringify({
      lockfileVersion: 3,
      packages: { '': { name: 'root', devDependencies: { nodemon: '^3.1.0' } }, 'packages/api': api, 'packages/core': {}, 'packages/tools': {} },
    }),
    '.nvmrc': '22',
    'packages/api/package.json': pkg({ name: '@m/api', ...api, scripts: { start: 'node src/main.js' } }),
    'packages/api/src/main.js': 'app.listen(process.env.PORT || 4000)',
    'packages/core/package.json': pkg({ name: '@m/core' }),
    'packages/tools/package.json': pkg({ name: '@m/tools' }),
  };
};

test('npm workspace member: context at the root, member manifests, scoped install, local deps copied', () => {
  const plan = planFor(workspaceFiles(), {}, 'packages/api');
  assert.equal(plan.context, '../..');
  assert.deepEqual(runs(plan, 'deps'), ['npm ci --omit=dev --workspace packages/api']);
  const text = renderDockerfile(plan);
  assert.match(text, /COPY package.json package-lock.json .\/\nCOPY packages\/api\/package.json .\/packages\/api\/\nCOPY packages\/core\/package.json .\/packages\/core\/\nCOPY packages\/tools\/package.json .\/packages\/tools\//);
  assert.match(text, /COPY packages\/core .\/packages\/core\//);
  assert.match(text, /COPY packages\/api .\/packages\/api\//);
  assert.doesNotMatch(text, /COPY packages\/tools /);
  assert.match(text, /WORKDIR \/app\/packages\/api\n/);
  assert.equal(plan.port, 4000);
  assert.equal(stage(plan, 'runtime')?.base, 'gcr.io/distroless/nodejs22-debian12:nonroot');
  assert.ok(plan.dockerignore.keep.includes('packages/core'));
});

test('a workspace root without an app of its own asks which package', () => {
  assert.throws(() => planFor(workspaceFiles()), (e: unknown) => e instanceof DecisionNeeded && /packages\/api, packages\/core, packages\/tools/.test(e.message));
});

test('pnpm workspace member: --filter <name>... and the workspace file copied', () => {
  const plan = planFor(
    {
      'package.json': pkg({ name: 'root', private: true }),
      'pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters:\n  .: {}\n  apps/api:\n    dependencies:\n      express:\n        specifier: ^5.1.0\n        version: 5.3.0\n",
      'apps/api/package.json': pkg({ name: 'api', dependencies: { express: '^5.1.0' }, scripts: { build: 'tsc', start: 'node dist/index.js' } }),
      'apps/api/src/index.ts': 'app.listen(3000)',
    },
    {},
    'apps/api',
  );
  assert.deepEqual(runs(plan, 'deps').slice(1), ['pnpm install --frozen-lockfile --prod --store-dir /pnpm/store --filter api...']);
  assert.deepEqual(runs(plan, 'build').slice(1), ['pnpm install --frozen-lockfile --store-dir /pnpm/store --filter api...', 'pnpm --filter api run build']);
  assert.match(renderDockerfile(plan), /COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .\//);
  assert.match(renderDockerfile(plan), /COPY --from=build \/app\/apps\/api\/dist .\/apps\/api\/dist\//);
});

test('Next.js standalone: no deps stage, standalone + static + public, node server.js', () => {
  const fields = { dependencies: { next: '^15.5.0', react: '^19', 'react-dom': '^19' } };
  const plan = planFor({
    'package.json': pkg({ ...fields, scripts: { build: 'next build', start: 'next start' } }),
    'package-lock.json': npmLock(fields),
    'next.config.mjs': "export default { output: 'standalone' };",
    'public/favicon.ico': '',
  });
  assert.deepEqual(plan.stages.map((s) => s.name), ['build', 'runtime']);
  const text = renderDockerfile(plan);
  assert.match(text, /COPY --from=build --chown=65532:65532 \/app\/.next\/standalone .\//);
  assert.match(text, /COPY --from=build --chown=65532:65532 \/app\/.next\/static .\/.next\/static\//);
  assert.match(text, /COPY public .\/public\//);
  assert.match(text, /HOSTNAME=0.0.0.0/);
  assert.match(text, /--mount=type=cache,target=\/app\/.next\/cache/);
  assert.deepEqual(plan.cmd, ['/nodejs/bin/node', 'server.js']);
});

test('Vite SPA: built, then served by unprivileged nginx on 8080', () => {
  const fields = { devDependencies: { vite: '^7.1.0' } };
  const plan = planFor({ 'package.json': pkg({ ...fields, scripts: { build: 'vite build' } }), 'package-lock.json': npmLock(fields), 'index.html': '' });
  assert.deepEqual(plan.stages.map((s) => [s.name, s.base]), [
    ['build', 'node:20-bookworm-slim'],
    ['runtime', 'nginxinc/nginx-unprivileged:1.28'],
  ]);
  assert.equal(plan.port, 8080);
  assert.equal(plan.user, '101:101');
  assert.match(renderDockerfile(plan), /COPY --from=build \/app\/dist\/ \/usr\/share\/nginx\/html\//);
});

test('an .npmrc with a token is a build secret, never copied, and kept out of the context', () => {
  const plan = planFor(express({ '.npmrc': '//registry.example/:_authToken=${NPM_TOKEN}\n' }));
  const text = renderDockerfile(plan);
  assert.match(text, /--mount=type=secret,id=npmrc,target=\/app\/.npmrc/);
  assert.doesNotMatch(text, /COPY [^\n]*\.npmrc/);
  assert.ok(plan.dockerignore.entries.includes('**/.npmrc'));
  assert.ok(!plan.dockerignore.keep.includes('.npmrc'));
  assert.match(plan.notes.join('\n'), /--secret id=npmrc,src=.npmrc/);
});

test('pnpm 10 with a native module that onlyBuiltDependencies does not approve: a warning', () => {
  const fields = { dependencies: { sharp: '^0.34.0' } };
  const lock = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      sharp:\n        specifier: ^0.34.0\n        version: 0.34.4\n";
  const files = { 'package.json': pkg({ ...fields, packageManager: 'pnpm@10.34.9' }), 'pnpm-lock.yaml': lock, 'index.js': 'listen(3000)' };
  assert.match(planFor(files).warnings.join('\n'), /pnpm 10 skips dependency build scripts unless approved: add sharp/);
  const approved = { ...files, 'package.json': pkg({ ...fields, packageManager: 'pnpm@10.34.9', pnpm: { onlyBuiltDependencies: ['sharp'] } }) };
  assert.deepEqual(planFor(approved).warnings, []);
  const viaYaml = { ...files, 'pnpm-workspace.yaml': 'onlyBuiltDependencies:\n  - sharp\n' };
  assert.deepEqual(planFor(viaYaml).warnings, []);
});

test('a server that also builds a Vite front end: the source plus the built dist', () => {
  const fields = { dependencies: { express: '^5.1.0' }, devDependencies: { vite: '^7.1.0' } };
  const plan = planFor({ 'package.json': pkg({ ...fields, scripts: { build: 'vite build', start: 'node server.js' } }), 'package-lock.json': npmLock(fields), 'server.js': 'app.listen(3000)' });
  assert.deepEqual(plan.stages.map((s) => s.name), ['deps', 'build', 'runtime']);
  const text = renderDockerfile(plan, { comments: false });
  assert.match(text, /COPY \. \.\/\nCOPY --from=build \/app\/dist \.\/dist\//);
});

test('a build whose output cannot be told: not run, and said so', () => {
  const fields = { dependencies: { express: '^5.1.0' } };
  const plan = planFor({ 'package.json': pkg({ ...fields, scripts: { build: 'node gen.js', start: 'node server.js' } }), 'package-lock.json': npmLock(fields), 'server.js': 'app.listen(3000)' });
  assert.deepEqual(plan.stages.map((s) => s.name), ['deps', 'runtime']);
  assert.match(plan.warnings.join('\n'), /cannot tell which folder it writes/);
});

test('Nuxt: only .output ships (Nitro bundles its dependencies), node .output/server/index.mjs', () => {
  const fields = { dependencies: { nuxt: '^4.0.0', vue: '^3.5.0' } };
  const plan = planFor({ 'package.json': pkg({ ...fields, scripts: { build: 'nuxt build', dev: 'nuxt dev' } }), 'package-lock.json': npmLock(fields), 'nuxt.config.ts': '' });
  assert.deepEqual(plan.stages.map((s) => s.name), ['build', 'runtime']);
  assert.deepEqual(plan.cmd, ['/nodejs/bin/node', '.output/server/index.mjs']);
  const copies = stage(plan, 'runtime')!.steps.filter((s) => s.kind === 'copy');
  assert.deepEqual(copies.map((c) => c.kind === 'copy' && c.sources[0]), ['/app/.output']);
  assert.match(renderDockerfile(plan), /HEALTHCHECK/);
  const generate = planFor({ 'package.json': pkg({ ...fields, scripts: { build: 'nuxt generate' } }), 'package-lock.json': npmLock(fields) });
  assert.match(renderDockerfile(generate), /COPY --from=build \/app\/.output\/public\/ \/usr\/share\/nginx\/html\//);
});

test('SvelteKit: adapter-node runs build/index.js on production deps; adapter-static is a static site; adapter-auto asks', () => {
  const fields = { dependencies: { '@sveltejs/adapter-node': '^5' }, devDependencies: { '@sveltejs/kit': '^2', vite: '^7' } };
  const node = planFor({ 'package.json': pkg({ ...fields, scripts: { build: 'vite build' } }), 'package-lock.json': npmLock(fields) });
  assert.deepEqual(node.stages.map((s) => s.name), ['deps', 'build', 'runtime']);
  assert.deepEqual(node.cmd, ['/nodejs/bin/node', 'build/index.js']);
  assert.match(renderDockerfile(node), /COPY --from=build \/app\/build .\/build\//);
  const st = { devDependencies: { '@sveltejs/kit': '^2', '@sveltejs/adapter-static': '^3', vite: '^7' } };
  const stat = planFor({ 'package.json': pkg({ ...st, scripts: { build: 'vite build' } }), 'package-lock.json': npmLock(st) });
  assert.equal(stat.user, '101:101');
  assert.match(renderDockerfile(stat), /\/app\/build\/ \/usr\/share\/nginx\/html\//);
  const auto = { devDependencies: { '@sveltejs/kit': '^2', '@sveltejs/adapter-auto': '^6', vite: '^7' } };
  assert.throws(() => planFor({ 'package.json': pkg({ ...auto, scripts: { build: 'vite build' } }), 'package-lock.json': npmLock(auto) }), DecisionNeeded);
});

test('a Node.js major whose image cannot exist (before 16: no bookworm build; past the newest release) is warned about', () => {
  const warned = (v: string) => planFor(express(), { nodeVersion: v }).warnings.join('\n');
  assert.match(warned('8'), /Node\.js 8 is end-of-life and has no bookworm image/);
  assert.match(warned('99'), /Node\.js 99 is newer than any release stagecraft knows/);
  for (const ok of ['16', '20', '22', '27']) assert.doesNotMatch(warned(ok), /end-of-life|newer than any release/, ok);
});
