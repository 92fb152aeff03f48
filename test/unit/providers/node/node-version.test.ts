import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseNodeVersion, findNodeVersionSpec, resolveNodeMajor } from '../../../../src/providers/node/node-version.js';
import { DecisionNeeded } from '../../../../src/util/errors.js';
import { project } from './helpers.js';

const major = (spec: string) => resolveNodeMajor(spec, 'test').major;

test('exact versions and majors are taken as they are', () => {
  assert.equal(major('20'), 20);
  assert.equal(major('v22.11.0'), 22);
  assert.equal(major('18.19'), 18);
  assert.equal(major('21'), 21);
});

test('a range gets the newest LTS major inside it', () => {
  assert.equal(major('>=18'), 26);
  assert.equal(major('>=20.9.0'), 26);
  assert.equal(major('^20 || ^22'), 22);
  assert.equal(major('>=20 <21'), 20);
  assert.equal(major('<23'), 22);
  assert.equal(major('20.x'), 20);
  assert.equal(major('~24.1'), 24);
});

test('a range that holds no LTS major falls back to its lowest version', () => {
  assert.equal(major('^21'), 21);
  assert.equal(major('>=27'), 27);
});

test('nvm aliases: lts/*, code names', () => {
  assert.equal(major('lts/*'), 26);
  assert.equal(major('lts/iron'), 20);
  assert.equal(major('lts/jod'), 22);
  assert.equal(major('lts/hydrogen'), 18);
  assert.throws(() => major('lts/nonsense'), DecisionNeeded);
});

test('unreadable versions ask for --node-version', () => {
  assert.throws(() => major('banana'), (e: unknown) => e instanceof DecisionNeeded && /--node-version/.test(e.hint ?? ''));
});

test('--node-version wins over the project, the host major is the last resort', () => {
  const spec = { spec: '>=18', source: 'package.json engines.node' };
  assert.deepEqual(chooseNodeVersion(spec, '22', 20), { major: 22, source: '--node-version', spec: '22' });
  assert.equal(chooseNodeVersion(spec, undefined, 20).major, 26);
  assert.equal(chooseNodeVersion(undefined, undefined, 20).major, 20);
  assert.match(chooseNodeVersion(undefined, undefined, 20).source, /running stagecraft/);
  assert.equal(chooseNodeVersion(undefined, '^22', 20).major, 22);
});

test('engines.node, then .nvmrc, then .node-version', () => {
  const p = project({ '.nvmrc': 'v18.20.0\n', '.node-version': '22\n' });
  assert.deepEqual(findNodeVersionSpec([{ project: p, pkg: { engines: { node: '>=20' } }, label: '' }]), { spec: '>=20', source: 'package.json engines.node' });
  assert.deepEqual(findNodeVersionSpec([{ project: p, pkg: {}, label: '' }]), { spec: 'v18.20.0', source: '.nvmrc' });
  const q = project({ '.node-version': '# pinned\n22.3.0\n' });
  assert.deepEqual(findNodeVersionSpec([{ project: q, pkg: {}, label: '' }]), { spec: '22.3.0', source: '.node-version' });
  assert.equal(findNodeVersionSpec([{ project: project({}), pkg: {}, label: '' }]), undefined);
});

test('in a workspace the package speaks first, then the root', () => {
  const root = project({ '.nvmrc': '22', 'packages/api/package.json': '{}' });
  const api = root.at('packages/api');
  const found = findNodeVersionSpec([
    { project: api, pkg: {}, label: '' },
    { project: root, pkg: { engines: { node: '20' } }, label: '../../' },
  ]);
  assert.deepEqual(found, { spec: '20', source: '../../package.json engines.node' });
});

test('.tool-versions and mise.toml come last', () => {
  const tv = project({ '.tool-versions': 'python 3.12.1\nnodejs 22.11.0\n' });
  assert.deepEqual(findNodeVersionSpec([{ project: tv, pkg: {}, label: '' }]), { spec: '22.11.0', source: '.tool-versions' });
  const mise = project({ 'mise.toml': '[tools]\nnode = "24"\n' });
  assert.deepEqual(findNodeVersionSpec([{ project: mise, pkg: {}, label: '' }]), { spec: '24', source: 'mise.toml' });
  const both = project({ '.nvmrc': '20', '.tool-versions': 'nodejs 22.11.0\n' });
  assert.equal(findNodeVersionSpec([{ project: both, pkg: {}, label: '' }])?.source, '.nvmrc');
});

test('an unreadable --node-version is a usage error (exit 2), as --go-version and --python-version are', async () => {
  const { UserError } = await import('../../../../src/util/errors.js');
  assert.throws(
    () => chooseNodeVersion(undefined, 'banana', 20),
    (e: unknown) => e instanceof UserError && !(e instanceof DecisionNeeded) && e.exitCode === 2 && /--node-version banana/.test(e.message),
  );
  // The same text in a project file is still a decision init refuses to guess (exit 1).
  assert.throws(() => chooseNodeVersion({ spec: 'banana', source: '.nvmrc' }, undefined, 20), DecisionNeeded);
});
