import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCheck } from '../../../src/lint/check.js';
import { discoverDockerfiles, isDockerfileName } from '../../../src/lint/discover.js';
import { UserError } from '../../../src/util/errors.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sc-check-'));
  for (const [p, body] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), body);
  }
  return root;
}

const CLEAN = 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';
const IGNORE = '.git\n**/node_modules\n.env\n*.log\n';

test('Dockerfile names', () => {
  for (const n of ['Dockerfile', 'Containerfile', 'api.Dockerfile', 'Dockerfile.prod', 'dockerfile', 'Dockerfile.dev', 'Dockerfile.alpine', 'Containerfile.ubi9']) assert.ok(isDockerfileName(n), n);
  for (const n of ['Dockerfile.bak', 'Dockerfile.dockerignore', 'web.Dockerfile.dockerignore', 'README.md', 'Dockerfiles', 'x.Dockerfile~', 'dockerfile.ts', 'Dockerfile.test.js', 'parse-dockerfile.go', 'Dockerfile.j2', 'Dockerfile.tmpl', 'Dockerfile.template', 'Dockerfile.in', 'api.Dockerfile.tpl', 'Dockerfile.old']) assert.ok(!isDockerfileName(n), n);
});

test('discovery walks folders, respects .gitignore and skips node_modules', () => {
  const root = tree({
    'Dockerfile': CLEAN,
    'svc/api.Dockerfile': CLEAN,
    'svc/Dockerfile.bak': CLEAN,
    'build/Dockerfile': CLEAN,
    'node_modules/x/Dockerfile': CLEAN,
    'nested/.gitignore': 'gen/\n',
    'nested/gen/Dockerfile': CLEAN,
    'nested/Containerfile': CLEAN,
    '.gitignore': 'build\n',
  });
  assert.deepEqual(discoverDockerfiles([], root), ['Dockerfile', 'nested/Containerfile', 'svc/api.Dockerfile']);
  assert.deepEqual(discoverDockerfiles(['svc/Dockerfile.bak'], root), ['svc/Dockerfile.bak']);
  assert.throws(() => discoverDockerfiles(['missing'], root), UserError);
});

test('exit codes: 0 clean, 1 at or over --fail-on, --max-warnings', () => {
  const root = tree({ 'Dockerfile': CLEAN, '.dockerignore': IGNORE, 'package.json': '{}', 'package-lock.json': '{}', 'bad/Dockerfile': 'FROM node:20-slim\nUSER node\nWORKDIR app\n', 'bad/.dockerignore': IGNORE, 'info/Dockerfile': 'FROM node:20-slim\nUSER node\nrun true\nRUN true\n' });
  const write = (): void => {};
  assert.equal(runCheck({ paths: ['Dockerfile'], cwd: root, config: false }, write).code, 0);
  assert.equal(runCheck({ paths: ['bad'], cwd: root, config: false }, write).code, 1);
  assert.equal(runCheck({ paths: ['bad'], cwd: root, config: false, failOn: 'error' }, write).code, 0);
  assert.equal(runCheck({ paths: ['bad'], cwd: root, config: false, failOn: 'error', maxWarnings: 0 }, write).code, 1);
  // --max-warnings counts warnings (ESLint's meaning), also under the default --fail-on warning.
  assert.equal(runCheck({ paths: ['bad'], cwd: root, config: false, maxWarnings: 5 }, write).code, 0);
  assert.equal(runCheck({ paths: ['bad'], cwd: root, config: false, maxWarnings: 0 }, write).code, 1);
  assert.equal(runCheck({ paths: ['info'], cwd: root, config: false, failOn: 'info', maxWarnings: 5 }, write).code, 1);
  // info findings fail only with --fail-on info
  assert.equal(runCheck({ paths: ['info'], cwd: root, config: false }, write).code, 0);
  assert.equal(runCheck({ paths: ['info'], cwd: root, config: false, failOn: 'info' }, write).code, 1);
});

test('config file: preset, overrides by alias, ignorePaths; flags win', () => {
  const root = tree({
    'stagecraft.config.json': JSON.stringify({ rules: { DL3000: 'off' }, ignorePaths: ['legacy/**'] }),
    'Dockerfile': 'FROM node:20-slim\nUSER node\nWORKDIR app\n',
    'legacy/Dockerfile': 'RUN broken\n',
  });
  const run = runCheck({ paths: [], cwd: root, format: 'json' }, () => {});
  const out = JSON.parse(run.output);
  assert.deepEqual(out.files.map((f: { file: string }) => f.file), ['Dockerfile']);
  assert.equal(run.code, 0);
  const flag = runCheck({ paths: [], cwd: root, rules: { DL3000: 'error' } }, () => {});
  assert.equal(flag.code, 1);
});

test('stdin (-) has no build context unless --context is given', () => {
  const root = tree({ 'ctx/.dockerignore': 'dist\n', 'ctx/package.json': '{}' });
  const text = 'FROM nginx:1.27\nUSER 101\nCOPY dist/ /usr/share/nginx/html/\n';
  const noCtx = runCheck({ paths: ['-'], cwd: root, config: false, format: 'json', readStdin: () => text }, () => {});
  assert.equal(JSON.parse(noCtx.output).files[0].file, '-');
  assert.ok(!noCtx.results[0]!.findings.some((f) => f.ruleId === 'copy-ignored-file'));
  const withCtx = runCheck({ paths: ['-'], cwd: root, config: false, context: 'ctx', readStdin: () => text }, () => {});
  assert.ok(withCtx.results[0]!.findings.some((f) => f.ruleId === 'copy-ignored-file'));
});

test('--fix writes the file; --fix-dry-run only reports a diff; --target must name a stage', () => {
  const root = tree({ 'Dockerfile': 'FROM node:20-slim\nUSER node\nCMD node server.js\n', '.dockerignore': IGNORE });
  const writes: string[] = [];
  const dry = runCheck({ paths: ['Dockerfile'], cwd: root, config: false, fixDryRun: true }, (f) => writes.push(f));
  assert.match(dry.fixReport, /\+CMD \["node", "server.js"\]/);
  assert.equal(writes.length, 0);
  const fixed = runCheck({ paths: ['Dockerfile'], cwd: root, config: false, fix: true }, (f, t) => writeFileSync(f, t));
  assert.equal(fixed.code, 0);
  assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), 'FROM node:20-slim\nUSER node\nCMD ["node", "server.js"]\n');
  assert.throws(() => runCheck({ paths: ['Dockerfile'], cwd: root, config: false, target: 'nope' }, () => {}), /no stage named "nope"/);
});

test('a .hadolint.yaml is read when there is no stagecraft.config.json', () => {
  const root = tree({
    '.hadolint.yaml': 'ignored:\n  - DL3000\n  - SC2086\n  - DL3049\noverride:\n  error:\n    - DL3003\nfailure-threshold: error\ntrustedRegistries:\n  - ghcr.io\n',
    'Dockerfile': 'FROM node:20-slim\nUSER node\nWORKDIR app\nRUN cd /x\n',
    '.dockerignore': IGNORE,
  });
  const run = runCheck({ paths: ['Dockerfile'], cwd: root }, () => {});
  assert.ok(run.configFile!.endsWith('.hadolint.yaml'));
  const ids = run.results[0]!.findings.map((f) => `${f.ruleId}:${f.severity}`);
  assert.ok(!ids.some((x) => x.startsWith('workdir-relative')), ids.join());
  assert.ok(ids.includes('run-cd:error'));
  assert.ok(ids.includes('untrusted-registry:error'));
  assert.equal(run.code, 1);
  assert.equal(runCheck({ paths: ['Dockerfile'], cwd: root, config: false }, () => {}).results[0]!.findings.some((f) => f.ruleId === 'workdir-relative'), true);
});

test('a symlinked Dockerfile in a folder is discovered; --fix writes through the link and keeps it', () => {
  const root = tree({ 'real/Dockerfile': 'FROM node:20-slim\nUSER node\nCMD node server.js\n', 'svc/.dockerignore': IGNORE, 'real/.dockerignore': IGNORE });
  symlinkSync('../real/Dockerfile', join(root, 'svc/Dockerfile'));
  symlinkSync('../nowhere/Dockerfile', join(root, 'real/Dockerfile.dangling'));
  assert.deepEqual(discoverDockerfiles(['svc'], root), ['svc/Dockerfile']);
  assert.deepEqual(discoverDockerfiles([], root), ['real/Dockerfile', 'svc/Dockerfile']);
  runCheck({ paths: ['svc'], cwd: root, config: false, fix: true }, (f, t) => writeFileSync(f, t));
  assert.equal(readFileSync(join(root, 'real/Dockerfile'), 'utf8'), 'FROM node:20-slim\nUSER node\nCMD ["node", "server.js"]\n');
});

test('no Dockerfile found is exit 2 with or without a path', () => {
  const root = tree({ 'README.md': 'x' });
  for (const paths of [[], ['.']]) {
    assert.throws(() => runCheck({ paths, cwd: root, config: false }, () => {}), (e: unknown) => e instanceof UserError && e.exitCode === 2 && /no Dockerfile found/.test(e.message));
  }
});

test('--fix on a file it cannot write is a usage error naming the file', () => {
  const root = tree({ 'Dockerfile': 'FROM node:20-slim\nUSER node\nCMD node server.js\n', '.dockerignore': IGNORE });
  const denied = (): never => {
    throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'open' });
  };
  assert.throws(() => runCheck({ paths: ['Dockerfile'], cwd: root, config: false, fix: true }, denied), (e: unknown) => e instanceof UserError && e.exitCode === 2 && e.file === 'Dockerfile' && /not writable/.test(e.message));
});

test('an unknown rule in stagecraft.config.json names the config file', () => {
  const root = tree({ 'stagecraft.config.json': '{ "rules": { "DL9999": "off" } }', 'Dockerfile': CLEAN, '.dockerignore': IGNORE });
  assert.throws(() => runCheck({ paths: ['Dockerfile'], cwd: root }, () => {}), (e: unknown) => e instanceof UserError && e.file === join(root, 'stagecraft.config.json') && /DL9999/.test(e.message));
});

test('--max-warnings alone failing the run says why; severities are case-insensitive in the config', () => {
  const root = tree({ 'Dockerfile': 'FROM debian:bookworm-slim\nRUN apt-get install -y curl\n', '.dockerignore': IGNORE });
  const run = runCheck({ paths: ['Dockerfile'], cwd: root, config: false, failOn: 'error', maxWarnings: 0 }, () => {});
  assert.equal(run.code, 1);
  assert.match(run.note ?? '', /1 warning, more than --max-warnings 0 allows/);
  assert.equal(runCheck({ paths: ['Dockerfile'], cwd: root, config: false }, () => {}).note, undefined);
  writeFileSync(join(root, 'stagecraft.config.json'), '{ "rules": { "final-user-root": "OFF", "DL3015": "Error" } }');
  const cfg = runCheck({ paths: ['Dockerfile'], cwd: root }, () => {});
  const ids = cfg.results[0]!.findings.map((f) => `${f.ruleId}:${f.severity}`);
  assert.ok(!ids.some((x) => x.startsWith('final-user-root')), ids.join());
  assert.ok(ids.includes('apt-no-install-recommends:error'), ids.join());
});

test('a file named on the command line and matched by ignorePaths is skipped with a note (was "no Dockerfile found", exit 2)', () => {
  const root = tree({ 'vendor/Dockerfile': 'FROM a\n', 'Dockerfile': CLEAN, '.dockerignore': IGNORE });
  const only = runCheck({ paths: ['vendor/Dockerfile'], cwd: root, config: false, ignorePaths: ['vendor/**'] }, () => {});
  assert.equal(only.code, 0);
  assert.deepEqual(only.results, []);
  assert.match(only.note ?? '', /skipped \(matches ignorePaths\): vendor\/Dockerfile/);
  const both = runCheck({ paths: ['vendor/Dockerfile', 'Dockerfile'], cwd: root, config: false, ignorePaths: ['vendor/**'] }, () => {});
  assert.deepEqual(both.results.map((r) => r.file), ['Dockerfile']);
  assert.match(both.note ?? '', /vendor\/Dockerfile/);
  // Machine formats stay well-formed with nothing left to check.
  const sarif = runCheck({ paths: ['vendor/Dockerfile'], cwd: root, config: false, ignorePaths: ['vendor/**'], format: 'sarif' }, () => {});
  assert.equal(JSON.parse(sarif.output).runs[0].results.length, 0);
  assert.deepEqual(JSON.parse(runCheck({ paths: ['vendor/Dockerfile'], cwd: root, config: false, ignorePaths: ['vendor/**'], format: 'json' }, () => {}).output), { files: [] });
  // Found by walking: skipped quietly.
  assert.equal(runCheck({ paths: [], cwd: root, config: false, ignorePaths: ['vendor/**'] }, () => {}).note, undefined);
});

test('--context must be an existing folder (a typo used to lint against an empty context)', () => {
  const root = tree({ 'Dockerfile': CLEAN, '.dockerignore': IGNORE, 'package.json': '{"name":"x"}', 'package-lock.json': '{}' });
  assert.throws(() => runCheck({ paths: ['Dockerfile'], cwd: root, config: false, context: 'nope' }, () => {}), (e: unknown) => e instanceof UserError && e.exitCode === 2 && /no such folder/.test(e.message));
  assert.throws(() => runCheck({ paths: ['Dockerfile'], cwd: root, config: false, context: 'Dockerfile' }, () => {}), /not a folder/);
  assert.equal(runCheck({ paths: ['Dockerfile'], cwd: root, config: false, context: '.' }, () => {}).code, 0);
});

test('--target naming no stage: the hint lists the names, or says the stages have none', () => {
  const root = tree({ 'a.Dockerfile': 'FROM node:20-slim\nUSER node\n', 'b.Dockerfile': 'FROM node:20-slim AS Build\nFROM node:20-slim\nUSER node\n', '.dockerignore': IGNORE });
  assert.throws(() => runCheck({ paths: ['a.Dockerfile'], cwd: root, config: false, target: 'x' }, () => {}), (e: unknown) => e instanceof UserError && /no stage has a name/.test(e.hint ?? ''));
  assert.throws(() => runCheck({ paths: ['b.Dockerfile'], cwd: root, config: false, target: 'x' }, () => {}), (e: unknown) => e instanceof UserError && e.hint === 'stages: Build (and 1 unnamed)');
});

test('a "stagecraft" key in package.json is not read, and a note says where the config goes', () => {
  const root = tree({ 'Dockerfile': CLEAN, '.dockerignore': IGNORE, 'package.json': '{"name":"x","stagecraft":{"preset":"strict"}}', 'package-lock.json': '{}' });
  const run = runCheck({ paths: ['Dockerfile'], cwd: root }, () => {});
  assert.match(run.note ?? '', /package.json has a "stagecraft" key, which is not read: move it to stagecraft.config.json/);
  assert.equal(runCheck({ paths: ['Dockerfile'], cwd: root, config: false }, () => {}).note, undefined);
  writeFileSync(join(root, 'stagecraft.config.json'), '{}');
  assert.equal(runCheck({ paths: ['Dockerfile'], cwd: root }, () => {}).note, undefined);
});

test('--config with any .yaml name reads it as hadolint config (hadolint.yaml, .config/hadolint.yaml)', () => {
  const root = tree({ 'ci/hadolint.yaml': 'ignored:\n  - DL3000\n', 'Dockerfile': 'FROM node:20-slim\nUSER node\nWORKDIR app\n', '.dockerignore': IGNORE });
  const run = runCheck({ paths: ['Dockerfile'], cwd: root, config: 'ci/hadolint.yaml' }, () => {});
  assert.equal(run.results[0]!.findings.some((f) => f.ruleId === 'workdir-relative'), false);
});

test('a device or pipe named explicitly (check <(cmd), /dev/stdin) is read, without a build context', () => {
  const root = tree({ 'x': '' });
  assert.deepEqual(discoverDockerfiles(['/dev/null'], root), ['/dev/null']);
  const run = runCheck({ paths: ['/dev/null'], cwd: root, config: false }, () => {});
  assert.deepEqual(run.results[0]!.findings.map((f) => f.ruleId), ['syntax']);
});

test('--fix on standard input returns the whole file also when nothing needed fixing (it printed nothing)', () => {
  const root = tree({ 'x': '' });
  const clean = 'FROM node:20-slim\nUSER node\nCMD ["node"]\n';
  assert.equal(runCheck({ paths: ['-'], cwd: root, config: false, fix: true, readStdin: () => clean }, () => {}).fixedStdin, clean);
  const fixed = runCheck({ paths: ['-'], cwd: root, config: false, fix: true, readStdin: () => 'FROM node:20-slim\nUSER node\nCMD node\n' }, () => {});
  assert.equal(fixed.fixedStdin, 'FROM node:20-slim\nUSER node\nCMD ["node"]\n');
  assert.equal(fixed.fixReport, '');
  assert.equal(runCheck({ paths: ['-'], cwd: root, config: false, fixDryRun: true, readStdin: () => clean }, () => {}).fixedStdin, undefined);
});

test('ignorePaths read like .gitignore: *.prod and vendor/ match at any depth, /x is anchored', () => {
  const root = tree({ 'a/Dockerfile.prod': CLEAN, 'a/vendor/x/Dockerfile': CLEAN, 'vendor/Dockerfile': CLEAN, 'b/Dockerfile': CLEAN, 'b/top/Dockerfile': CLEAN, 'top/Dockerfile': CLEAN });
  const files = (ignorePaths: string[]): string[] => runCheck({ paths: [], cwd: root, config: false, ignorePaths }, () => {}).results.map((r) => r.file);
  assert.deepEqual(files(['*.prod', 'vendor/']), ['b/Dockerfile', 'b/top/Dockerfile', 'top/Dockerfile']);
  assert.deepEqual(files(['/top']), ['a/Dockerfile.prod', 'a/vendor/x/Dockerfile', 'b/Dockerfile', 'b/top/Dockerfile', 'vendor/Dockerfile']);
});

test('run in a sub-folder of a repository, discovery honours the .gitignore files above it', () => {
  const root = tree({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'build/\n', 'services/.gitignore': 'gen/\n', 'services/api/Dockerfile': CLEAN, 'services/api/build/Dockerfile': CLEAN, 'services/api/gen/Dockerfile': CLEAN });
  assert.deepEqual(discoverDockerfiles([], join(root, 'services/api')), ['Dockerfile']);
  assert.deepEqual(discoverDockerfiles(['api'], join(root, 'services')), ['api/Dockerfile']);
  // Outside a repository nothing above is read.
  const loose = tree({ '.gitignore': 'build/\n', 'x/build/Dockerfile': CLEAN });
  assert.deepEqual(discoverDockerfiles([], join(loose, 'x')), ['build/Dockerfile']);
});
