// Every Dockerfile `stagecraft init` generates for the fixture apps passes `check` (recommended preset)
// with zero findings, with the generated .dockerignore and the fixture folder as build context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diskProject } from '../../../src/project/project.js';
import { planInit } from '../../../src/init/init.js';
import { parseCmd } from '../../../src/cli/init.js';
import { createMatcher } from '../../../src/context/index.js';
import { lintText } from '../../../src/lint/linter.js';
import type { BuildContextView } from '../../../src/lint/context.js';
import type { BaseFlavor, InitOptions, Stack } from '../../../src/plan/types.js';

const appsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'apps');

/** The init flags fixtures use, mapped as the CLI maps them (a new flag fails loudly). */
function optionsFromArgs(args: string[]): InitOptions {
  const o: InitOptions = { hostNodeMajor: 20 };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const value = args[++i];
    if (value === undefined) throw new Error(`initArgs: ${flag} needs a value`);
    switch (flag) {
      case '--cmd': o.cmd = parseCmd(value); break;
      case '--port': o.port = Number(value); break;
      case '--base': o.base = value as BaseFlavor; break;
      case '--stack': o.stack = value as Stack; break;
      case '--node-version': o.nodeVersion = value; break;
      case '--go-version': o.goVersion = value; break;
      case '--python-version': o.pythonVersion = value; break;
      case '--target-package': o.targetPackage = value; break;
      default: throw new Error(`initArgs: unknown flag ${flag} (teach test/unit/lint/init-fixtures.test.ts about it)`);
    }
  }
  return o;
}

/** The fixture folder on disk, seen through the .dockerignore init would write. */
function contextWith(root: string, dockerignore: string): BuildContextView {
  const matcher = createMatcher(dockerignore);
  const clean = (p: string): string => p.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return {
    root,
    dockerignore: { file: '.dockerignore', text: dockerignore, matcher },
    exists: (p) => existsSync(join(root, clean(p))),
    readText: (p) => {
      try {
        return readFileSync(join(root, clean(p)), 'utf8');
      } catch {
        return undefined;
      }
    },
    isIgnored: (p) => matcher.ignores(clean(p)),
  };
}

const fixtures = existsSync(appsDir) ? readdirSync(appsDir).filter((n) => statSync(join(appsDir, n)).isDirectory()).sort() : [];

for (const name of fixtures) {
  const manifest = JSON.parse(readFileSync(join(appsDir, name, 'stagecraft-fixture.json'), 'utf8')) as { project?: string; initArgs?: string[]; expectError?: string };
  if (manifest.expectError) continue;
  test(`init fixture ${name}: the generated Dockerfile has no finding in the recommended preset`, () => {
    const projectDir = join(appsDir, name, manifest.project ?? '.');
    const out = planInit(diskProject(projectDir), optionsFromArgs(manifest.initArgs ?? []));
    const context = contextWith(join(projectDir, out.plan.context), out.dockerignore);
    const findings = lintText(out.dockerfile, `${name}/Dockerfile`, { buildContext: context }).findings;
    assert.deepEqual(findings.map((f) => `${f.line}: ${f.ruleId}: ${f.message}`), [], `generated Dockerfile:\n${out.dockerfile}`);
  });
}
