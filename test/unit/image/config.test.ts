import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { leakedBuildArgs, looksSecret, summariseConfig } from '../../../src/image/config.js';
import { engineLayerSize } from '../../../src/image/analyze.js';
import type { ParsedLayer } from '../../../src/image/types.js';

describe('image config', () => {
  it('summarises user, entrypoint, cmd, ports, healthcheck, and masks secret-looking env values', () => {
    const s = summariseConfig({
      config: {
        User: 'node',
        Entrypoint: ['docker-entrypoint.sh'],
        Cmd: ['node', 'server.js'],
        Env: ['PATH=/usr/bin', 'NODE_ENV=production', 'DB_PASSWORD=hunter2', 'GITHUB=ghp_0123456789abcdefghijklmnopqrstuvwxyz', 'NPM_TOKEN=abc', 'KEY_FILE_PATH=/run/secrets/key', 'DATABASE_URL=postgres://app:pw@db/app'],
        ExposedPorts: { '8080/tcp': {}, '443/tcp': {} },
        Healthcheck: { Test: ['CMD', 'wget', '-qO-', 'http://127.0.0.1:8080/health'], Interval: 30e9 },
      },
    });
    assert.equal(s.user, 'node');
    assert.equal(s.runsAsRoot, false);
    assert.deepEqual(s.exposedPorts, ['443/tcp', '8080/tcp']);
    assert.deepEqual(s.healthcheck?.test, ['CMD', 'wget', '-qO-', 'http://127.0.0.1:8080/health']);
    assert.deepEqual(s.env, ['PATH=/usr/bin', 'NODE_ENV=production', 'DB_PASSWORD=***', 'GITHUB=***', 'NPM_TOKEN=***', 'KEY_FILE_PATH=/run/secrets/key', 'DATABASE_URL=***']);
    assert.deepEqual(s.maskedEnv, ['DB_PASSWORD', 'GITHUB', 'NPM_TOKEN', 'DATABASE_URL']);
    assert.ok(!JSON.stringify(s).includes('hunter2'));
  });

  it('treats no user, root and 0 as root', () => {
    for (const User of ['', 'root', '0', '0:0', 'root:root']) assert.equal(summariseConfig({ config: { User } }).runsAsRoot, true, User);
    assert.equal(summariseConfig({ config: { User: '65532:65532' } }).runsAsRoot, false);
  });

  it('secret detection by name and by value shape', () => {
    assert.equal(looksSecret('API_KEY', 'x1'), true);
    assert.equal(looksSecret('HOME', '/root'), false);
    assert.equal(looksSecret('X', 'AKIAABCDEFGHIJKLMNOP'), true);
    assert.equal(looksSecret('TOKEN', ''), false);
  });
});

describe('build args in the history', () => {
  it('reads BuildKit\'s |N KEY=VAL prefix, values with spaces included', () => {
    assert.deepEqual(leakedBuildArgs('RUN |2 NPM_TOKEN=npm_abc VERSION=1.2 /bin/sh -c npm ci # buildkit'), [
      { key: 'NPM_TOKEN', value: 'npm_abc' },
      { key: 'VERSION', value: '1.2' },
    ]);
    assert.deepEqual(leakedBuildArgs('|2 GREETING=hello world MODE=prod /bin/sh -c echo'), [
      { key: 'GREETING', value: 'hello world' },
      { key: 'MODE', value: 'prod' },
    ]);
    assert.deepEqual(leakedBuildArgs('RUN /bin/sh -c echo |2 A=1'), []);
    assert.deepEqual(leakedBuildArgs('COPY . . # buildkit'), []);
  });
});

describe('layer sizes as the engine counts them', () => {
  const layer = { regularBytes: 1000, symlinkBytes: 42 } as ParsedLayer;
  it('BuildKit layers: regular file bytes only', () => {
    assert.equal(engineLayerSize(layer, { createdBy: 'RUN x # buildkit', comment: 'buildkit.dockerfile.v0', emptyLayer: false }), 1000);
  });
  it('layers the engine unpacked (import, pull, load, classic build): symlink lengths too', () => {
    assert.equal(engineLayerSize(layer, { createdBy: '', comment: 'Imported from -', emptyLayer: false }), 1042);
    assert.equal(engineLayerSize(layer, undefined), 1042);
  });
});

describe('history text', () => {
  it('masks secret-looking build arg values, leaves the others', async () => {
    const { maskHistoryText } = await import('../../../src/image/config.js');
    assert.equal(maskHistoryText('RUN |2 NPM_TOKEN=npm_abcdefghijklmnop MODE=prod /bin/sh -c npm ci'), 'RUN |2 NPM_TOKEN=np*** MODE=prod /bin/sh -c npm ci');
    assert.equal(maskHistoryText('COPY . .'), 'COPY . .');
  });
});

describe('ARG entries', () => {
  it('mask a secret-looking default', async () => {
    const { maskHistoryText } = await import('../../../src/image/config.js');
    assert.equal(maskHistoryText('ARG DEPLOY_TOKEN=tok_e2e_fake_value'), 'ARG DEPLOY_TOKEN=to***');
    assert.equal(maskHistoryText('ARG NODE_ENV=production'), 'ARG NODE_ENV=production');
  });
});
