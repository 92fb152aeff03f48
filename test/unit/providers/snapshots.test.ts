/**
 * Walks every fixture app under test/fixtures/apps (all stacks), runs planInit as its
 * stagecraft-fixture.json says, and compares the plan JSON and the Dockerfile with the snapshots in
 * __snapshots__ (UPDATE_SNAPSHOTS=1 rewrites them; a missing snapshot is written on a local run and
 * fails under CI). Every generated Dockerfile also gets structural assertions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diskProject } from '../../../src/project/project.js';
import { planInit } from '../../../src/init/init.js';
import { parseCmd } from '../../../src/cli/init.js';
import type { BaseFlavor, InitOptions, Stack } from '../../../src/plan/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const appsDir = join(here, '..', '..', 'fixtures', 'apps');
const snapDir = join(here, '__snapshots__');
const update = process.env.UPDATE_SNAPSHOTS === '1';
const ci = Boolean(process.env.CI);

interface FixtureManifest {
  project?: string;
  initArgs?: string[];
  /** A fixture whose init must fail: a regular expression its message matches. */
  expectError?: string;
}

/** The init flags a fixture may pass, mapped as the CLI maps them. A new flag fails loudly here. */
export function optionsFromArgs(args: string[]): InitOptions {
  // Fixed, not the host's: snapshots must not depend on the Node.js running the tests.
  const o: InitOptions = { hostNodeMajor: 20 };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const value = args[i + 1];
    const take = () => {
      if (value === undefined) throw new Error(`initArgs: ${flag} needs a value`);
      i++;
      return value;
    };
    switch (flag) {
      case '--cmd': o.cmd = parseCmd(take()); break;
      case '--port': o.port = Number(take()); break;
      case '--base': o.base = take() as BaseFlavor; break;
      case '--stack': o.stack = take() as Stack; break;
      case '--node-version': o.nodeVersion = take(); break;
      case '--go-version': o.goVersion = take(); break;
      case '--python-version': o.pythonVersion = take(); break;
      case '--target-package': o.targetPackage = take(); break;
      default: throw new Error(`initArgs: unknown flag ${flag} (teach test/unit/providers/snapshots.test.ts about it)`);
    }
  }
  return o;
}

function compareSnapshot(file: string, actual: string): void {
  const path = join(snapDir, file);
  if (update || (!existsSync(path) && !ci)) {
    mkdirSync(snapDir, { recursive: true });
    if (!existsSync(path) || readFileSync(path, 'utf8') !== actual) writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `no snapshot ${file}: run UPDATE_SNAPSHOTS=1 npm test and review the new file`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${file} changed: if that is intended, run UPDATE_SNAPSHOTS=1 npm test and review the diff`);
}

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** A minimal Dockerfile reader for the assertions: comments dropped, continuations joined. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!;
    if (/^\s*(#|$)/.test(line)) continue;
    while (/\\\s*$/.test(line) && i + 1 < lines.length) line = `${line.replace(/\\\s*$/, ' ')}${lines[++i]!.replace(/^\s*#.*$/, '')}`;
    const m = /^\s*(\S+)\s*(.*)$/.exec(line)!;
    out.push({ keyword: m[1]!.toUpperCase(), args: m[2]!.trim(), line: start + 1 });
  }
  return out;
}

/** Commands that download and install dependencies: each must use a BuildKit cache mount. */
const INSTALL = /\b(npm (ci|install|i)\b|pnpm install\b|yarn (install\b|workspaces focus\b)|bun install\b|pip3? install\b|python3? -m pip install\b|poetry install\b|uv (sync|pip install)\b|pipenv (install|sync)\b|go mod download\b)/;
/** Installs of the package manager itself (not of the project's dependencies): no lockfile involved. */
const TOOL_INSTALL = /\bnpm (i|install) (-g|--global)\b|\bpip3? install (poetry|pipenv|uv)\b/;
const projectInstall = (i: Instruction) => i.keyword === 'RUN' && INSTALL.test(i.args) && !TOOL_INSTALL.test(i.args);
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb', 'go.sum', 'poetry.lock', 'uv.lock', 'Pipfile.lock', 'requirements.txt'];

function assertStructure(name: string, dockerfile: string, contextDir: string): void {
  const where = (ins: Instruction) => `${name}.Dockerfile:${ins.line}`;
  assert.doesNotMatch(dockerfile, /^#\s*syntax\s*=/im, `${name}: a # syntax line makes BuildKit pull a frontend image`);
  const all = instructions(dockerfile);
  const stages: { name?: string; from: Instruction; body: Instruction[] }[] = [];
  for (const ins of all) {
    if (ins.keyword === 'FROM') stages.push({ name: /\bAS\s+(\S+)/i.exec(ins.args)?.[1], from: ins, body: [] });
    else {
      assert.ok(stages.length > 0, `${where(ins)}: instruction before FROM`);
      stages[stages.length - 1]!.body.push(ins);
    }
  }
  assert.ok(stages.length >= 2, `${name}: multi-stage (found ${stages.length} stage)`);
  const stageNames = new Set<string>();
  const installedStages = new Set<string>();
  for (const s of stages) {
    const image = s.from.args.split(/\s+/).filter((w) => !w.startsWith('--'))[0]!;
    if (!stageNames.has(image) && image !== 'scratch') {
      const tag = /^[^@]+?(?::([^/:@]+))?(@.+)?$/.exec(image)?.[1];
      assert.ok(tag || image.includes('@'), `${where(s.from)}: ${image} has no tag (that means latest)`);
      assert.notEqual(tag, 'latest', `${where(s.from)}: ${image} uses latest`);
    }
    if (s.name) stageNames.add(s.name);
    // A stage built FROM one that already installed the dependencies may copy the source first.
    const inherited = installedStages.has(image);
    if (s.name && (inherited || s.body.some(projectInstall))) installedStages.add(s.name);
    for (const ins of s.body) {
      assert.doesNotMatch(ins.args, /<<-?\s*['"]?[A-Za-z_]/, `${where(ins)}: heredocs do not parse on Engine 20.10`);
      if (ins.keyword === 'COPY' || ins.keyword === 'ADD') assert.doesNotMatch(ins.args, /--link\b/, `${where(ins)}: COPY --link is unknown to Engine 20.10`);
      if (ins.keyword === 'RUN') assert.doesNotMatch(ins.args, /--network[= ]/, `${where(ins)}: RUN --network is unknown to Engine 20.10`);
      if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') {
        let argv: unknown;
        try {
          argv = JSON.parse(ins.args);
        } catch {
          /* shell form */
        }
        assert.ok(Array.isArray(argv), `${where(ins)}: ${ins.keyword} must be exec form (a JSON array)`);
      }
      if (ins.keyword === 'RUN' && INSTALL.test(ins.args)) {
        assert.match(ins.args, /--mount=type=cache\b/, `${where(ins)}: an install without a cache mount`);
      }
    }
    // Manifests and lockfile before the source: an install comes before any whole-tree COPY.
    const sourceCopy = s.body.findIndex((i) => i.keyword === 'COPY' && !/--from=/.test(i.args) && /(^|\s)\.\/?\s+\S+$/.test(i.args));
    const install = s.body.findIndex(projectInstall);
    if (sourceCopy >= 0 && install >= 0 && !inherited) {
      assert.ok(install < sourceCopy, `${where(s.body[sourceCopy]!)}: the source is copied before the install (${where(s.body[install]!)}), so every source edit reinstalls`);
    }
    if (install >= 0 && !inherited) {
      for (const lock of LOCKFILES) {
        if (!existsSync(join(contextDir, lock))) continue;
        const named = s.body.slice(0, install + 1).some((i) => (i.keyword === 'COPY' || i.keyword === 'RUN') && new RegExp(`(^|[\\s,=/])${lock.replace(/\./g, '\\.')}(\\s|,|$)`).test(i.args));
        assert.ok(named, `${where(s.body[install]!)}: the install runs without ${lock} in place (COPY it, or bind-mount it, first)`);
      }
    }
  }
  const final = stages[stages.length - 1]!;
  const users = final.body.filter((i) => i.keyword === 'USER');
  assert.ok(users.length > 0, `${name}: the final stage sets no USER (it would run as root)`);
  const user = users[users.length - 1]!.args;
  const uid = /^(\d+)(?::\d+)?$/.exec(user)?.[1];
  assert.ok(uid !== undefined, `${where(users[users.length - 1]!)}: USER ${user} is not numeric (uid[:gid])`);
  assert.notEqual(Number(uid), 0, `${where(users[users.length - 1]!)}: USER 0 is root`);
}

const fixtures = existsSync(appsDir) ? readdirSync(appsDir).filter((n) => statSync(join(appsDir, n)).isDirectory()).sort() : [];

test('there are fixture apps to walk', () => {
  assert.ok(fixtures.length > 0, `no fixtures under ${appsDir}`);
});

for (const name of fixtures) {
  test(`fixture ${name}: plan and Dockerfile match the snapshots and hold the structural rules`, () => {
    const dir = join(appsDir, name);
    const manifestPath = join(dir, 'stagecraft-fixture.json');
    assert.ok(existsSync(manifestPath), `${name} has no stagecraft-fixture.json`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as FixtureManifest;
    const projectDir = join(dir, manifest.project ?? '.');
    const options = optionsFromArgs(manifest.initArgs ?? []);
    if (manifest.expectError) {
      assert.throws(() => planInit(diskProject(projectDir), options), (e: unknown) => new RegExp(manifest.expectError!).test(String((e as Error).message)));
      return;
    }
    const out = planInit(diskProject(projectDir), options);
    const planJson = `${JSON.stringify(out.plan, null, 2)}\n`;
    assert.ok(!planJson.includes(appsDir), `${name}: the plan holds an absolute path`);
    compareSnapshot(`${name}.plan.json`, planJson);
    compareSnapshot(`${name}.Dockerfile`, out.dockerfile);
    assertStructure(name, out.dockerfile, posix.normalize(join(projectDir, out.plan.context)));
  });
}

// The structural rules themselves: each bad Dockerfile must be rejected for its reason.
const good = 'FROM node:20-slim AS deps\nWORKDIR /app\nCOPY package.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\nFROM gcr.io/distroless/nodejs20-debian12:nonroot\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY . .\nUSER 65532\nCMD ["server.js"]\n';
const bad: [string, string, RegExp][] = [
  ['single stage', 'FROM node:20-slim\nUSER 1000\nCMD ["node"]\n', /multi-stage/],
  ['no tag', good.replace('node:20-slim', 'node'), /has no tag/],
  ['latest', good.replace('node:20-slim', 'node:latest'), /uses latest/],
  ['syntax line', `# syntax=docker/dockerfile:1\n${good}`, /syntax line/],
  ['heredoc', good.replace('npm ci', 'npm ci <<EOF\nx\nEOF'), /heredocs/],
  ['COPY --link', good.replace('COPY . .', 'COPY --link . .'), /--link/],
  ['shell-form CMD', good.replace('CMD ["server.js"]', 'CMD node server.js'), /exec form/],
  ['root user', good.replace('USER 65532', 'USER 0'), /root/],
  ['named user', good.replace('USER 65532', 'USER node'), /not numeric/],
  ['no user', good.replace('USER 65532\n', ''), /no USER/],
  ['install without cache', good.replace('--mount=type=cache,target=/root/.npm ', ''), /without a cache mount/],
  ['source before install', good.replace('COPY package.json ./\n', 'COPY . .\n'), /copied before the install/],
];

test('the structural rules accept a good Dockerfile', () => {
  assertStructure('good', good, '/nonexistent');
});

for (const [what, text, reason] of bad) {
  test(`the structural rules reject: ${what}`, () => {
    assert.throws(() => assertStructure('bad', text, '/nonexistent'), reason);
  });
}

test('the structural rules want the lockfile in place before the install', () => {
  const ctx = join(appsDir, 'node-express');
  assert.throws(() => assertStructure('bad', good, ctx), /without package-lock.json/);
  assertStructure('good', good.replace('COPY package.json ./', 'COPY package.json package-lock.json ./'), ctx);
});
