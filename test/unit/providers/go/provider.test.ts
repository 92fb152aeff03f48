import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryProject } from '../../../../src/project/project.js';
import { goProvider } from '../../../../src/providers/go/index.js';
import { findGoPorts } from '../../../../src/providers/go/detect.js';
import { renderDockerfile } from '../../../../src/render/dockerfile.js';
import type { BuildPlan, InitOptions } from '../../../../src/plan/types.js';
import { DecisionNeeded, UserError } from '../../../../src/util/errors.js';

const opts = (o: Partial<InitOptions> = {}): InitOptions => ({ hostNodeMajor: 20, ...o });
const server = (port = '8080') => `package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":${port}", nil) }\n`;

function plan(files: Record<string, string>, o: Partial<InitOptions> = {}): BuildPlan {
  const p = memoryProject(files);
  const facts = goProvider.detect(p, opts(o));
  assert.ok(facts, 'detected');
  return goProvider.plan(facts, opts(o));
}
const runs = (pl: BuildPlan) => pl.stages.flatMap((s) => s.steps.filter((st) => st.kind === 'run').map((st) => (st as { commands: string[] }).commands.join(' && ')));
const copies = (pl: BuildPlan) => pl.stages.flatMap((s) => s.steps.filter((st) => st.kind === 'copy').map((st) => (st as { sources: string[] }).sources.join(' ')));

test('no go.mod: not a Go project', () => {
  assert.equal(goProvider.detect(memoryProject({ 'main.go': server() }), opts()), undefined);
});

test('cmd/<name> without requirements: no go.sum copied, no download stage, static distroless', () => {
  const pl = plan({ 'go.mod': 'module example.com/a\n\ngo 1.23\n', 'cmd/api/main.go': server(), 'cmd/api/main_test.go': 'package main' });
  assert.deepEqual(pl.stages.map((s) => [s.name, s.base]), [
    ['build', 'golang:1.23'],
    ['runtime', 'gcr.io/distroless/static-debian12:nonroot'],
  ]);
  assert.ok(!copies(pl).some((c) => c.includes('go.sum')));
  assert.ok(!runs(pl).some((r) => r.includes('go mod download')));
  assert.deepEqual(runs(pl), ['CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/api ./cmd/api']);
  assert.equal(pl.user, '65532:65532');
  assert.equal(pl.port, 8080);
  assert.deepEqual(pl.cmd, ['/app/api']);
  assert.ok(pl.notes.some((n) => /no HEALTHCHECK/.test(n)));
  assert.ok(pl.dockerignore.keep.includes('cmd/api'));
  assert.ok(!pl.dockerignore.keep.includes('go.sum'));
  const text = renderDockerfile(pl);
  assert.match(text, /ENTRYPOINT \["\/app\/api"\]/);
  assert.doesNotMatch(text, /HEALTHCHECK/);
});

test('requirements with go.sum: deps stage copies both and downloads with a module cache mount', () => {
  const pl = plan({ 'go.mod': 'module example.com/a\ngo 1.22\nrequire github.com/google/uuid v1.6.0\n', 'go.sum': 'x', 'main.go': server() });
  assert.deepEqual(pl.stages.map((s) => [s.name, s.base]), [
    ['deps', 'golang:1.22'],
    ['build', 'deps'],
    ['runtime', 'gcr.io/distroless/static-debian12:nonroot'],
  ]);
  assert.equal(copies(pl)[0], 'go.mod go.sum');
  const download = pl.stages[0]!.steps.find((s) => s.kind === 'run');
  assert.deepEqual(download, { kind: 'run', commands: ['go mod download'], mounts: [{ type: 'cache', target: '/go/pkg/mod' }], comment: download!.comment });
  const build = pl.stages[1]!.steps.find((s) => s.kind === 'run') as { mounts: { target: string }[] };
  assert.deepEqual(build.mounts.map((m) => m.target), ['/go/pkg/mod', '/root/.cache/go-build']);
  assert.deepEqual(pl.cmd, ['/app/a']);
  assert.equal(pl.warnings.length, 0);
});

test('requirements without go.sum: download still planned, with a warning', () => {
  const pl = plan({ 'go.mod': 'module m\ngo 1.23\nrequire github.com/x/y v1.0.0\n', 'main.go': server() });
  assert.ok(pl.warnings.some((w) => /no go\.sum/.test(w)));
  assert.equal(copies(pl)[0], 'go.mod');
});

test('vendor/: -mod=vendor, no download, vendor kept in the context', () => {
  const pl = plan({ 'go.mod': 'module m\ngo 1.23\nrequire example.com/g v1.0.0\n', 'vendor/modules.txt': '# example.com/g v1.0.0\n', 'vendor/example.com/g/g.go': 'package g', 'main.go': server() });
  assert.equal(pl.stages.length, 2);
  assert.match(runs(pl)[0]!, /go build -mod=vendor /);
  assert.deepEqual(copies(pl), ['go.mod', 'vendor', '.', '/out/m'], 'go.mod and vendor/ before the code');
  assert.ok(pl.dockerignore.keep.includes('vendor'));
  assert.equal(pl.facts.vendored, true);
});

test('version: toolchain newer than go wins; --go-version overrides; older override warns; missing directive defaults with a note', () => {
  const files = { 'go.mod': 'module m\ngo 1.22.1\ntoolchain go1.23.2\n', 'main.go': server() };
  assert.equal(plan(files).stages[0]!.base, 'golang:1.23');
  assert.equal(plan(files, { goVersion: '1.24' }).stages[0]!.base, 'golang:1.24');
  assert.equal(plan(files, { goVersion: 'go1.24.1' }).stages[0]!.base, 'golang:1.24.1');
  assert.ok(plan(files, { goVersion: '1.21' }).warnings.some((w) => /older than go\.mod asks/.test(w)));
  assert.throws(() => plan(files, { goVersion: 'newest' }), (e: unknown) => e instanceof UserError && e.exitCode === 2);
  const none = plan({ 'go.mod': 'module m\n', 'main.go': server() });
  assert.equal(none.stages[0]!.base, 'golang:1.23');
  assert.ok(none.notes.some((n) => /no go directive/.test(n)));
});

test('several main packages: a decision naming --target-package; the flag accepts cmd/x, ./cmd/x and x', () => {
  const files = { 'go.mod': 'module m\ngo 1.23\n', 'cmd/api/main.go': server(), 'cmd/worker/main.go': 'package main\nfunc main(){}\n' };
  assert.throws(
    () => plan(files),
    (e: unknown) => e instanceof DecisionNeeded && e.exitCode === 1 && /cmd\/api, cmd\/worker/.test(e.message) && /--target-package cmd\/api/.test(e.hint ?? ''),
  );
  for (const t of ['cmd/worker', './cmd/worker', 'worker', './cmd/worker/']) {
    assert.match(runs(plan(files, { targetPackage: t }))[0]!, /-o \/out\/worker \.\/cmd\/worker$/, t);
  }
  assert.throws(() => plan(files, { targetPackage: 'cmd/nope' }), (e: unknown) => e instanceof UserError && e.exitCode === 2 && /cmd\/api, cmd\/worker/.test(e.message));
});

test('root main plus cmd/<name> is also a decision; --target-package . picks the root', () => {
  const files = { 'go.mod': 'module example.com/svc\ngo 1.23\n', 'main.go': server(), 'cmd/tool/main.go': 'package main\nfunc main(){}\n' };
  assert.throws(() => plan(files), DecisionNeeded);
  assert.match(runs(plan(files, { targetPackage: '.' }))[0]!, /-o \/out\/svc \.$/);
});

test('no main package: refused with what was looked for', () => {
  assert.throws(() => plan({ 'go.mod': 'module m\ngo 1.23\n', 'lib.go': 'package lib' }), (e: unknown) => e instanceof UserError && e.exitCode === 1 && /no main package/.test(e.message));
});

test('a main package elsewhere is taken with a note; ignored-by-build-tag files and nested modules are skipped', () => {
  const pl = plan({
    'go.mod': 'module m\ngo 1.23\n',
    'server/main.go': server(),
    'gen.go': '//go:build ignore\n\npackage main\nfunc main(){}\n',
    'tools/other/go.mod': 'module other',
    'tools/other/main.go': server(),
    'vendor/x/main.go': server(),
  });
  assert.equal(pl.facts.mainPackage, 'server');
  assert.ok(pl.notes.some((n) => /only main package/.test(n)));
});

test('cgo: import "C" in the main package -> CGO_ENABLED=1 onto distroless base', () => {
  const pl = plan({ 'go.mod': 'module m\ngo 1.23\n', 'main.go': `package main\n\n// #include <stdio.h>\nimport "C"\n\n${server().split('\n').slice(2).join('\n')}` });
  assert.match(runs(pl)[0]!, /^CGO_ENABLED=1 go build/);
  assert.equal(pl.stages.at(-1)!.base, 'gcr.io/distroless/base-debian12:nonroot');
  assert.deepEqual(pl.facts.cgoReasons, ['main.go']);
});

test('cgo: import "C" inside an import block of a shared package, with C++ sources -> distroless cc', () => {
  const pl = plan({
    'go.mod': 'module m\ngo 1.23\n',
    'cmd/app/main.go': server(),
    'internal/fast/fast.go': 'package fast\n\nimport (\n\t"fmt"\n\t"C"\n)\n',
    'internal/fast/impl.cpp': 'int x;',
  });
  assert.equal(pl.facts.cgo, true);
  assert.equal(pl.stages.at(-1)!.base, 'gcr.io/distroless/cc-debian12:nonroot');
});

test('cgo: a cgo-only module (mattn/go-sqlite3) turns cgo on; a system-library module warns', () => {
  const pl = plan({ 'go.mod': 'module m\ngo 1.23\nrequire (\n github.com/mattn/go-sqlite3 v1.14.22\n gopkg.in/gographics/imagick.v3 v3.5.0\n)\n', 'go.sum': '', 'main.go': server() });
  assert.match(runs(pl).at(-1)!, /^CGO_ENABLED=1/);
  assert.equal(pl.stages.at(-1)!.base, 'gcr.io/distroless/base-debian12:nonroot');
  assert.ok(pl.warnings.some((w) => /ImageMagick/.test(w)));
});

test('a cgo file in another main package does not turn cgo on for this one', () => {
  const pl = plan({ 'go.mod': 'module m\ngo 1.23\n', 'cmd/api/main.go': server(), 'cmd/c/main.go': 'package main\nimport "C"\nfunc main(){}\n' }, { targetPackage: 'api' });
  assert.equal(pl.facts.cgo, false);
});

test('--base slim: Debian slim runtime with the CA bundle and a numeric user', () => {
  const pl = plan({ 'go.mod': 'module m\ngo 1.23\n', 'main.go': server() }, { base: 'slim' });
  const rt = pl.stages.at(-1)!;
  assert.equal(rt.base, 'debian:bookworm-slim');
  assert.ok(rt.steps.some((s) => s.kind === 'copy' && s.sources[0] === '/etc/ssl/certs/ca-certificates.crt'));
  assert.ok(rt.steps.some((s) => s.kind === 'user' && /^\d+:\d+$/.test(s.user)));
});

test('--base alpine: alpine builder and runtime; cgo adds gcc and musl-dev and warns', () => {
  const files = { 'go.mod': 'module m\ngo 1.23\n', 'main.go': 'package main\nimport "C"\nfunc main(){}\n' };
  const pl = plan(files, { base: 'alpine' });
  assert.equal(pl.stages[0]!.base, 'golang:1.23-alpine');
  assert.match(pl.stages.at(-1)!.base, /^alpine:\d+\.\d+$/);
  assert.ok(runs(pl).includes('apk add --no-cache gcc musl-dev'));
  assert.ok(pl.warnings.some((w) => /musl/.test(w)));
});

test('port: --port, then listen addresses, then 8080 with a note; several ports noted', () => {
  assert.equal(plan({ 'go.mod': 'module m\ngo 1.23\n', 'main.go': server('9000') }).port, 9000);
  assert.equal(plan({ 'go.mod': 'module m\ngo 1.23\n', 'main.go': server('9000') }, { port: 7000 }).port, 7000);
  const none = plan({ 'go.mod': 'module m\ngo 1.23\n', 'main.go': 'package main\nfunc main(){}\n' });
  assert.equal(none.port, 8080);
  assert.ok(none.notes.some((n) => /no listen address/.test(n)));
});

test('findGoPorts: net/http, Addr, net.Listen, frameworks, PORT default, flag defaults; not a database address', () => {
  assert.deepEqual(findGoPorts('http.ListenAndServe("0.0.0.0:8081", h)'), [8081]);
  assert.deepEqual(findGoPorts('srv := &http.Server{Addr: ":9000"}'), [9000]);
  assert.deepEqual(findGoPorts('net.Listen("tcp", "127.0.0.1:7000")'), [7000]);
  assert.deepEqual(findGoPorts('r.Run(":3001")'), [3001]);
  assert.deepEqual(findGoPorts('p := os.Getenv("PORT"); if p == "" { p = "5000" }'), [5000]);
  assert.deepEqual(findGoPorts('addr := flag.String("addr", ":9090", "listen")'), [9090]);
  assert.deepEqual(findGoPorts('port := flag.Int("port", 4000, "port")'), [4000]);
  assert.deepEqual(findGoPorts('db, _ := sql.Open("postgres", "localhost:5432")'), []);
});

test('the app\'s own health flag becomes the HEALTHCHECK; none is invented otherwise', () => {
  const pl = plan({ 'go.mod': 'module m\ngo 1.23\n', 'main.go': `package main\nimport ("flag";"net/http")\nfunc main() { h := flag.Bool("healthcheck", false, "probe"); _ = h; http.ListenAndServe(":8080", nil) }\n` });
  const hc = pl.stages.at(-1)!.steps.find((s) => s.kind === 'healthcheck');
  assert.deepEqual((hc as { argv: string[] }).argv, ['/app/m', '-healthcheck']);
});

test('a local replace outside the folder warns', () => {
  const pl = plan({ 'go.mod': 'module m\ngo 1.23\nrequire x v0.0.0\nreplace x => ../x\n', 'go.sum': '', 'main.go': server() });
  assert.ok(pl.warnings.some((w) => /outside the build context/.test(w)));
});

test('go.work without go.mod: a decision listing the workspace modules', () => {
  const p = memoryProject({ 'go.work': 'go 1.23\n\nuse (\n\t./services/api\n\t./libs/db // shared\n)\nuse ./tools\n', 'services/api/go.mod': 'module api\n' });
  assert.throws(
    () => goProvider.detect(p, opts()),
    (e: unknown) => e instanceof DecisionNeeded && /services\/api, libs\/db, tools/.test(e.message) && /stagecraft init services\/api/.test(e.hint ?? ''),
  );
});

test('--cmd: the binary name maps to the built binary with its arguments; another program warns', () => {
  const files = { 'go.mod': 'module m\ngo 1.23\n', 'cmd/api/main.go': server() };
  assert.deepEqual(plan(files, { cmd: ['api', 'serve', '--verbose'] }).cmd, ['/app/api', 'serve', '--verbose']);
  assert.deepEqual(plan(files, { cmd: ['/app/api', '-x'] }).cmd, ['/app/api', '-x']);
  const other = plan(files, { cmd: ['/bin/sh', '-c', 'x'] });
  assert.deepEqual(other.cmd, ['/bin/sh', '-c', 'x']);
  assert.ok(other.warnings.some((w) => /not the built binary/.test(w)));
});

test('a go.mod the go command would refuse stops init with the file and line (exit 2), not a silent default', () => {
  const p = memoryProject({ 'go.mod': 'module example.com/x\ngo banana\n', 'main.go': server() });
  assert.throws(
    () => goProvider.detect(p, opts()),
    (e: unknown) => e instanceof UserError && e.exitCode === 2 && e.line === 2 && /go\.mod$/.test(e.file ?? '') && /invalid go version 'banana'/.test(e.message),
  );
});

test('a module of a go.work workspace builds from the workspace root with every module it uses', () => {
  const ws = memoryProject({
    'go.work': 'go 1.23\n\nuse (\n\t./svc\n\t./lib\n)\n',
    'lib/go.mod': 'module example.com/lib\n\ngo 1.23\n',
    'lib/lib.go': 'package lib\n',
    'svc/go.mod': 'module example.com/svc\n\ngo 1.23\n\nrequire example.com/lib v0.0.0\n',
    'svc/cmd/api/main.go': server(),
  });
  const facts = goProvider.detect(ws.at('svc'), opts());
  assert.ok(facts);
  const pl = goProvider.plan(facts, opts());
  assert.equal(pl.context, '..');
  assert.deepEqual(copies(pl), ['go.work', 'svc', 'lib', '/out/api']);
  assert.ok(runs(pl).some((r) => r.endsWith('-o /out/api ./svc/cmd/api')), runs(pl).join('\n'));
  assert.ok(!runs(pl).some((r) => r.includes('go mod download')), 'a requirement on another member downloads nothing');
  assert.deepEqual(pl.dockerignore.keep, ['go.work', 'svc', 'lib']);
  assert.ok(pl.notes.some((n) => /Go workspace at \.\./.test(n)));
});

test('in a workspace, external requirements are downloaded from every member manifest first', () => {
  const ws = memoryProject({
    'go.work': 'go 1.23\nuse ./svc\nuse ./lib\n',
    'go.work.sum': '',
    'lib/go.mod': 'module example.com/lib\n\ngo 1.23\n\nrequire github.com/x/y v1.0.0\n',
    'lib/go.sum': '',
    'svc/go.mod': 'module example.com/svc\n\ngo 1.23\n\nrequire example.com/lib v0.0.0\n',
    'svc/main.go': server(),
  });
  const pl = goProvider.plan(goProvider.detect(ws.at('svc'), opts())!, opts());
  const deps = pl.stages.find((s) => s.name === 'deps');
  assert.ok(deps, 'a deps stage');
  const depCopies = deps.steps.filter((s) => s.kind === 'copy').map((s) => [(s as { sources: string[] }).sources.join(' '), (s as { dest: string }).dest]);
  assert.deepEqual(depCopies, [['go.work go.work.sum', './'], ['svc/go.mod', './svc/'], ['lib/go.mod lib/go.sum', './lib/']]);
  assert.ok(runs(pl).some((r) => r.endsWith('./svc')), 'the module root is the main package');
});

test('a go.work that does not use the module, or a vendored module, is left alone', () => {
  const files = { 'go.work': 'go 1.23\nuse ./other\n', 'other/go.mod': 'module example.com/other\n', 'svc/go.mod': 'module example.com/svc\n\ngo 1.23\n', 'svc/main.go': server() };
  assert.equal(goProvider.plan(goProvider.detect(memoryProject(files).at('svc'), opts())!, opts()).context, '.');
  const vendored = { ...files, 'go.work': 'go 1.23\nuse ./svc\n', 'svc/vendor/modules.txt': '' };
  assert.equal(goProvider.plan(goProvider.detect(memoryProject(vendored).at('svc'), opts())!, opts()).context, '.');
});
