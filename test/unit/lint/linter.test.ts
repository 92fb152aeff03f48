import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/lint/linter.js';
import { defineRule } from '../../../src/lint/rule.js';
import { resolveSeverities } from '../../../src/lint/config.js';
import { rules } from '../../../src/lint/registry.js';

test('final-scope rules look at the target stage and the stages it is built FROM', () => {
  const text = 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12-slim AS run\nUSER 1000\n';
  const all = lintText(text, 'D').findings.map((f) => f.ruleId);
  assert.ok(!all.includes('apt-lists-not-removed'), 'a build stage does not ship');
  const targeted = lintText(text, 'D', { target: 'build' }).findings.map((f) => `${f.line}:${f.ruleId}`);
  assert.ok(targeted.includes('2:apt-lists-not-removed'));
  assert.ok(targeted.includes('1:final-user-root'));
});

test('a rule that throws becomes a finding, the others still run', () => {
  const broken = defineRule({ id: 'broken', severity: 'warning', description: 'Throws.', message: () => 'x', aliases: [], scope: 'all', preset: 'recommended', create: () => ({ RUN() { throw new Error('boom'); } }) });
  const ok = rules.find((r) => r.id === 'run-cd')!;
  const f = lintText('FROM a:1\nRUN cd /x\n', 'D', { rules: [broken, ok], severities: new Map([['broken', 'warning'], ['run-cd', 'warning']]) }).findings;
  assert.deepEqual(f.map((x) => x.ruleId).sort(), ['broken', 'run-cd']);
  assert.match(f.find((x) => x.ruleId === 'broken')!.message, /internal error in rule broken: boom/);
});

test('syntax problems are findings of the syntax rule; nothing throws on odd input', () => {
  const sev = resolveSeverities(rules, { preset: 'all' });
  for (const input of ['', '\u0000\u0001', 'RUN x', 'FROM', '\ufeff\r\n\r\n', 'FROM a\nRUN <<EOF\nunterminated', 'FROM a\nCOPY --from=${X:-y} a b\n', '# escape=`\nFROM a\nRUN a `\n']) {
    const { findings } = lintText(input, 'D', { severities: sev });
    assert.ok(Array.isArray(findings));
  }
  assert.equal(lintText('', 'D').findings[0]!.ruleId, 'syntax');
});

test('positions are 1-based and a multi-line instruction is shown by its first line', () => {
  const f = lintText('FROM a:1\nUSER 1\n  RUN cd /x \\\n   && make\n', 'D').findings.find((x) => x.ruleId === 'run-cd')!;
  assert.deepEqual([f.line, f.column, f.endLine], [3, 3, 3]);
});

test('the whole rule set agrees with the init-style Dockerfile shape (no finding in recommended)', () => {
  const text = [
    'FROM node:20-slim AS deps',
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    'RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev',
    '',
    'FROM node:20-slim',
    'WORKDIR /app',
    'ENV NODE_ENV=production',
    'COPY --from=deps /app/node_modules ./node_modules',
    'COPY --chown=node:node . .',
    'USER node',
    'EXPOSE 3000',
    'CMD ["node", "server.js"]',
    '',
  ].join('\n');
  assert.deepEqual(lintText(text, 'D').findings.map((f) => `${f.line}:${f.ruleId}: ${f.message}`), []);
});
