import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findShouldNotShip } from '../../../src/image/findings.js';
import { mergeLayers } from '../../../src/image/filetree.js';
import type { HistoryItem, LayerEntry } from '../../../src/image/types.js';

const f = (path: string, size = 1): LayerEntry => ({ path, kind: 'file', size });
const d = (path: string): LayerEntry => ({ path, kind: 'dir', size: 0 });

function run(layers: LayerEntry[][], opts: { baseLayers?: number; packageJsons?: Record<string, string>; history?: HistoryItem[]; baseHistory?: number } = {}) {
  const { root } = mergeLayers(layers);
  return findShouldNotShip({
    root,
    baseLayers: opts.baseLayers ?? 1,
    packageJsons: new Map(Object.entries(opts.packageJsons ?? {}).map(([k, v]) => [k, Buffer.from(v)])),
    history: opts.history ?? [],
    baseHistory: opts.baseHistory ?? 1,
  });
}

describe('files that should not ship', () => {
  const base = [d('usr'), d('usr/bin'), f('usr/bin/gcc', 900), d('etc'), d('etc/ssl'), f('etc/ssl/private/ssl-cert-snakeoil.key')];
  const app = [
    d('app'), f('app/.env', 30), f('app/.env.example', 30), f('app/server.js'), f('app/certs/server.key'), f('app/id_rsa.pub'),
    d('app/.git'), f('app/.git/HEAD'), f('app/.git/objects/ab/cdef', 500),
    d('root/.npm'), f('root/.npm/_cacache/index', 2000),
    d('app/test'), f('app/test/server.test.js', 10),
    d('app/node_modules/left-pad'), f('app/node_modules/left-pad/index.js'), d('app/node_modules/left-pad/test'), f('app/node_modules/left-pad/test/a.js'),
    d('app/node_modules/jest'), f('app/node_modules/jest/index.js', 70), d('app/node_modules/typescript'), f('app/node_modules/typescript/lib/tsc.js', 9000),
    f('app/package.json'), f('home/node/.npmrc'), f('root/.aws/credentials'),
  ];

  it('finds env files, keys, credentials, .git, caches, tests and dev dependencies in the user layers', () => {
    const found = run([base, app], { packageJsons: { 'app/package.json': JSON.stringify({ devDependencies: { jest: '^29' } }) } });
    const byCode = (code: string) => found.filter((x) => x.code === code).map((x) => x.path);
    assert.deepEqual(byCode('env-file'), ['/app/.env']);
    assert.deepEqual(byCode('private-key'), ['/app/certs/server.key']);
    assert.deepEqual(byCode('credentials-file').sort(), ['/home/node/.npmrc', '/root/.aws/credentials']);
    assert.deepEqual(byCode('git-folder'), ['/app/.git']);
    assert.equal(found.find((x) => x.code === 'git-folder')!.bytes, 501);
    assert.deepEqual(byCode('package-cache'), ['/root/.npm']);
    assert.equal(found.find((x) => x.code === 'package-cache')!.bytes, 2000);
    assert.deepEqual(byCode('test-folder').sort(), ['/app/node_modules', '/app/test']);
    assert.deepEqual(byCode('dev-dependency').sort(), ['/app/node_modules/jest', '/app/node_modules/typescript']);
    assert.match(found.find((x) => x.path === '/app/node_modules/jest')!.message, /devDependency "jest" \(from \/app\/package.json\)/);
  });

  it('marks what came with the base image as notes, not the user\'s findings', () => {
    const found = run([base, app]);
    const gcc = found.find((x) => x.path === '/usr/bin/gcc')!;
    assert.equal(gcc.code, 'compiler');
    assert.equal(gcc.inBase, true);
    assert.equal(gcc.severity, 'note');
    assert.ok(!found.some((x) => x.path?.includes('snakeoil')), 'system keys are not flagged');
    const userGcc = run([[d('x')], base]).find((x) => x.path === '/usr/bin/gcc')!;
    assert.equal(userGcc.severity, 'warning');
  });

  it('reports build args recorded in the history, secret ones as errors with the value masked', () => {
    const history: HistoryItem[] = [
      { createdBy: '', emptyLayer: false },
      { createdBy: 'ARG NPM_TOKEN', emptyLayer: true },
      { createdBy: 'RUN |2 NPM_TOKEN=npm_supersecretvalue123 NODE_ENV=production /bin/sh -c npm ci # buildkit', emptyLayer: false },
      { createdBy: 'RUN |2 NPM_TOKEN=npm_supersecretvalue123 NODE_ENV=production /bin/sh -c npm test # buildkit', emptyLayer: false },
    ];
    const found = run([[f('a')], [f('b')], [f('c')]], { history }).filter((x) => x.code === 'leaked-build-arg');
    assert.equal(found.length, 2, 'once per argument, not once per RUN');
    assert.equal(found[0]!.severity, 'error');
    assert.ok(!found[0]!.message.includes('supersecret'));
    assert.equal(found[1]!.severity, 'note');
  });
});
