import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryProject } from '../../../../src/project/project.js';
import { bunProvider } from '../../../../src/providers/bun/index.js';
import { entryOfBunCommand, findBunPorts } from '../../../../src/providers/bun/detect.js';
import { renderDockerfile } from '../../../../src/render/dockerfile.js';
import type { BuildPlan, InitOptions } from '../../../../src/plan/types.js';
import { DecisionNeeded } from '../../../../src/util/errors.js';

const opts = (o: Partial<InitOptions> = {}): InitOptions => ({ hostNodeMajor: 20, ...o });
const pkg = (o: Record<string, unknown> = {}) => JSON.stringify({ name: 'app', ...o });
const serve = 'Bun.serve({ port: Number(process.env.PORT ?? 4000), fetch: () => new Response("hi") });';

function plan(files: Record<string, string>, o: Partial<InitOptions> = {}): BuildPlan {
  const facts = bunProvider.detect(memoryProject(files), opts(o));
  assert.ok(facts, 'detected');
  return bunProvider.plan(facts, opts(o));
}
const runs = (pl: BuildPlan) => pl.stages.flatMap((s) => s.steps.filter((st) => st.kind === 'run').map((st) => (st as { commands: string[] }).commands.join(' && ')));

test('detection: bun.lock, bun.lockb, packageManager bun@; not npm/pnpm projects; engines.bun only without another lockfile', () => {
  const d = (files: Record<string, string>) => bunProvider.detect(memoryProject(files), opts());
  assert.ok(d({ 'package.json': pkg(), 'bun.lock': '{}' }));
  assert.ok(d({ 'package.json': pkg(), 'bun.lockb': 'x' }));
  assert.ok(d({ 'package.json': pkg({ packageManager: 'bun@1.2.3' }) }));
  assert.equal(d({ 'package.json': pkg({ packageManager: 'pnpm@9.0.0' }), 'bun.lock': '{}' }), undefined);
  assert.equal(d({ 'package.json': pkg(), 'package-lock.json': '{}' }), undefined);
  assert.ok(d({ 'package.json': pkg({ engines: { bun: '>=1.1' } }) }));
  assert.equal(d({ 'package.json': pkg({ engines: { bun: '>=1.1' } }), 'package-lock.json': '{}' }), undefined);
  assert.equal(d({ 'go.mod': 'module x' }), undefined);
  assert.ok(bunProvider.detect(memoryProject({ 'package.json': pkg(), 'package-lock.json': '{}' }), opts({ stack: 'bun' })), '--stack bun takes any package.json');
});

test('default: frozen install with the cache mount, compile to one executable on distroless base, no HEALTHCHECK (noted)', () => {
  const pl = plan({ 'package.json': pkg({ scripts: { start: 'bun run src/index.ts' }, devDependencies: { typescript: '5' } }), 'bun.lock': '{}', 'src/index.ts': serve });
  assert.deepEqual(pl.stages.map((s) => [s.name, s.base]), [
    ['deps', 'oven/bun:1'],
    ['build', 'deps'],
    ['runtime', 'gcr.io/distroless/base-debian12:nonroot'],
  ]);
  const install = pl.stages[0]!.steps.find((s) => s.kind === 'run') as { commands: string[]; mounts: { target: string }[] };
  assert.deepEqual(install.commands, ['bun install --frozen-lockfile']);
  assert.deepEqual(install.mounts.map((m) => m.target), ['/root/.bun/install/cache']);
  assert.ok(pl.stages[0]!.steps.some((s) => s.kind === 'copy' && s.sources.join(' ') === 'package.json bun.lock'));
  assert.ok(runs(pl).includes('bun build --compile --minify --sourcemap src/index.ts --outfile /out/server'));
  assert.deepEqual(pl.cmd, ['/app/server']);
  assert.equal(pl.user, '65532:65532');
  assert.equal(pl.port, 4000);
  assert.equal(pl.facts.mode, 'compile');
  assert.ok(pl.notes.some((n) => /no HEALTHCHECK/.test(n)));
  // Only the executable reaches the final stage.
  const finalCopies = pl.stages.at(-1)!.steps.filter((s) => s.kind === 'copy');
  assert.deepEqual(finalCopies.map((s) => (s as { sources: string[] }).sources), [['/out/server']]);
  assert.doesNotMatch(renderDockerfile(pl), /HEALTHCHECK/);
});

test('bun.lockb only: copied, with a note about the text lockfile; both lockfiles: both copied', () => {
  const a = plan({ 'package.json': pkg(), 'bun.lockb': 'x', 'index.ts': serve });
  assert.ok(a.stages[0]!.steps.some((s) => s.kind === 'copy' && s.sources.includes('bun.lockb')));
  assert.ok(a.notes.some((n) => /--save-text-lockfile/.test(n)));
  const b = plan({ 'package.json': pkg(), 'bun.lockb': 'x', 'bun.lock': '{}', 'index.ts': serve, 'bunfig.toml': '' });
  assert.ok(b.stages[0]!.steps.some((s) => s.kind === 'copy' && s.sources.join(' ') === 'package.json bun.lock bun.lockb bunfig.toml'));
});

test('no lockfile (packageManager only): plain install and a warning', () => {
  const pl = plan({ 'package.json': pkg({ packageManager: 'bun@1.1.0' }), 'index.ts': serve });
  assert.ok(runs(pl).includes('bun install'));
  assert.ok(pl.warnings.some((w) => /no bun\.lock/.test(w)));
  assert.equal(pl.facts.bunVersionFrom, 'packageManager');
});

test('entry: scripts.start, then module, then main, then src/index.ts / index.ts', () => {
  const e = (files: Record<string, string>) => plan({ 'bun.lock': '{}', ...files }).facts.entry;
  assert.equal(e({ 'package.json': pkg({ scripts: { start: 'bun src/server.ts' }, module: 'index.ts' }), 'src/server.ts': serve }), 'src/server.ts');
  assert.equal(e({ 'package.json': pkg({ module: 'app.ts', main: 'other.js' }), 'app.ts': serve }), 'app.ts');
  assert.equal(e({ 'package.json': pkg({ main: './lib/main.js' }), 'lib/main.js': serve }), 'lib/main.js');
  assert.equal(e({ 'package.json': pkg(), 'src/index.ts': serve }), 'src/index.ts');
  assert.equal(e({ 'package.json': pkg(), 'index.ts': serve }), 'index.ts');
});

test('no entry anywhere: a decision naming --cmd', () => {
  assert.throws(() => plan({ 'package.json': pkg(), 'bun.lock': '{}', 'lib/x.ts': '' }), (e: unknown) => e instanceof DecisionNeeded && e.exitCode === 1 && /--cmd/.test(e.hint ?? ''));
});

test('--cmd "bun <file> args" sets the entry; another --cmd ships production deps and source', () => {
  const files = { 'package.json': pkg(), 'bun.lock': '{}', 'src/index.ts': serve, 'src/worker.ts': '' };
  const a = plan(files, { cmd: ['bun', 'run', 'src/worker.ts', '--queue', 'q'] });
  assert.deepEqual(a.cmd, ['/app/server', '--queue', 'q']);
  assert.ok(runs(a).some((r) => r.includes('--compile --minify --sourcemap src/worker.ts')));
  const b = plan(files, { cmd: ['bun', 'run', 'start'] });
  assert.equal(b.facts.mode, 'source');
  assert.deepEqual(b.cmd, ['bun', 'run', 'start']);
  assert.ok(runs(b).includes('bun install --frozen-lockfile --production'));
});

test('--base slim: bundle on oven/bun:<major>-slim with a Bun HEALTHCHECK and the bun user; alpine likewise', () => {
  const files = { 'package.json': pkg({ engines: { bun: '^1.1.0' } }), 'bun.lock': '{}', 'src/index.ts': serve };
  const pl = plan(files, { base: 'slim' });
  assert.equal(pl.stages.at(-1)!.base, 'oven/bun:1-slim');
  assert.ok(runs(pl).includes('bun build src/index.ts --target=bun --minify --sourcemap=linked --outdir /out/dist'));
  assert.deepEqual(pl.cmd, ['bun', 'dist/index.js']);
  assert.equal(pl.user, '1000:1000');
  const hc = pl.stages.at(-1)!.steps.find((s) => s.kind === 'healthcheck') as { argv: string[] };
  assert.deepEqual(hc.argv.slice(0, 2), ['bun', '-e']);
  assert.match(hc.argv[2]!, /127\.0\.0\.1:4000/);
  assert.equal(plan(files, { base: 'alpine' }).stages.at(-1)!.base, 'oven/bun:1-alpine');
});

test('native addons: production node_modules + source, never the dev dependencies; warned on Alpine', () => {
  const files = { 'package.json': pkg({ dependencies: { sharp: '0.33' }, devDependencies: { typescript: '5' } }), 'bun.lock': '{}', 'src/index.ts': serve };
  const pl = plan(files);
  assert.equal(pl.facts.mode, 'source');
  assert.deepEqual(pl.stages.map((s) => s.name), ['deps', 'prod-deps', 'build', 'runtime']);
  const rt = pl.stages.at(-1)!;
  assert.equal(rt.base, 'oven/bun:1-slim');
  assert.ok(rt.steps.some((s) => s.kind === 'copy' && s.from === 'prod-deps'));
  assert.ok(runs(pl).includes('rm -rf node_modules'), 'the dev node_modules of the build stage is removed before the copy');
  assert.deepEqual(pl.cmd, ['bun', 'src/index.ts']);
  assert.ok(plan(files, { base: 'alpine' }).warnings.some((w) => /glibc/.test(w)));
});

test('a build script runs before bundling; public/ is copied; a missing entry without a build script warns', () => {
  const pl = plan({ 'package.json': pkg({ scripts: { build: 'bun run gen.ts', start: 'bun dist/app.js' } }), 'bun.lock': '{}', 'public/a.css': '' });
  assert.ok(runs(pl).indexOf('bun run build') < runs(pl).findIndex((r) => r.includes('--compile')));
  assert.ok(pl.stages.at(-1)!.steps.some((s) => s.kind === 'copy' && s.sources[0] === '/app/public'));
  assert.equal(pl.warnings.length, 0);
  const missing = plan({ 'package.json': pkg({ module: 'nope.ts' }), 'bun.lock': '{}' });
  assert.ok(missing.warnings.some((w) => /does not exist/.test(w)));
});

test('workspaces: the whole tree comes before the install (noted)', () => {
  const pl = plan({ 'package.json': pkg({ workspaces: ['packages/*'] }), 'bun.lock': '{}', 'index.ts': serve });
  assert.ok(pl.stages[0]!.steps.some((s) => s.kind === 'copy' && s.sources[0] === '.'));
  assert.ok(pl.notes.some((n) => /workspaces/.test(n)));
});

test('port: --port, then the entry, then 3000 with a note', () => {
  const files = { 'package.json': pkg(), 'bun.lock': '{}', 'index.ts': 'Bun.serve({ fetch() { return new Response("x") } })' };
  const pl = plan(files);
  assert.equal(pl.port, 3000);
  assert.ok(pl.notes.some((n) => /no port found/.test(n)));
  assert.equal(plan(files, { port: 8000 }).port, 8000);
});

test('entryOfBunCommand and findBunPorts', () => {
  assert.deepEqual(entryOfBunCommand(['bun', 'run', 'src/index.ts']), { entry: 'src/index.ts', args: [] });
  assert.deepEqual(entryOfBunCommand(['bun', '--smol', './server.js', '-v']), { entry: 'server.js', args: ['-v'] });
  assert.equal(entryOfBunCommand(['bun', 'run', 'start']), undefined);
  assert.equal(entryOfBunCommand(['node', 'x.js']), undefined);
  assert.equal(entryOfBunCommand(['bun', 'run', 'build', '&&', 'bun', 'x.js']), undefined);
  assert.deepEqual(findBunPorts('Bun.serve({ port: 8080 })'), [8080]);
  assert.deepEqual(findBunPorts('const port = process.env.PORT || "5000"'), [5000]);
  assert.deepEqual(findBunPorts('app.listen(3001)'), [3001]);
});

test('a malformed package.json is a UserError naming the file', () => {
  assert.throws(() => bunProvider.detect(memoryProject({ 'package.json': '{"name": ', 'bun.lock': '{}' }), opts()), (e: unknown) => e instanceof Error && e.name === 'UserError' && /package\.json/.test((e as { file?: string }).file ?? ''));
});

test('a bun.lock that is not JSON (trailing commas allowed) stops init with exit 2: the frozen install would fail', async () => {
  const { UserError } = await import('../../../../src/util/errors.js');
  const files = { 'package.json': '{"name":"x"}', 'index.ts': '' };
  assert.throws(
    () => bunProvider.detect(memoryProject({ ...files, 'bun.lock': '{ "lockfileVersion": 1, [' }), opts()),
    (e: unknown) => e instanceof UserError && e.exitCode === 2 && /bun\.lock$/.test(e.file ?? ''),
  );
  assert.ok(bunProvider.detect(memoryProject({ ...files, 'bun.lock': '{\n  "lockfileVersion": 1,\n  "packages": {},\n}\n' }), opts()));
});
