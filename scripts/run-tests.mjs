#!/usr/bin/env node
// Runs node's test runner over every *.test.ts below the given folders (Node 20's --test has no globs).
// Unit tests run in ONE process (an entry that imports every file): Node 20 starts a process per file
// with one worker on a 2-core machine, and hundreds of small rule tests then cost minutes of start-up.
// `--isolate` runs one process per file instead (what the e2e suite uses: its files hold engines and ports).
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const isolate = args.includes('--isolate');
const roots = args.filter((a) => !a.startsWith('-'));
const passthrough = args.filter((a) => a.startsWith('-') && a !== '--isolate');
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts')) files.push(path);
  }
}
for (const root of roots) {
  if (statSync(root).isDirectory()) walk(root);
  else files.push(root);
}
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
let targets = files;
if (!isolate) {
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `all-${roots.map((r) => r.replace(/[^a-z0-9]+/gi, '-')).join('_')}.test.ts`);
  writeFileSync(entry, files.map((f) => `import ${JSON.stringify(pathToFileURL(resolve(f)).href)};`).join('\n') + '\n');
  targets = [entry];
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...passthrough, ...targets], { stdio: 'inherit' });
process.exit(result.status ?? 1);
