import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/lint/linter.js';
import { resolveSeverities } from '../../../src/lint/config.js';
import { rules } from '../../../src/lint/registry.js';

const severities = resolveSeverities(rules, { preset: 'all' });
const ids = (text: string): string[] => lintText(text, 'Dockerfile', { severities }).findings.map((f) => `${f.line}:${f.ruleId}`);

const BASE = 'FROM debian:bookworm-slim\nUSER 1000\n';

test('# stagecraft-ignore above an instruction, with a reason, by id or alias', () => {
  assert.ok(ids(`${BASE}WORKDIR app\n`).includes('3:workdir-relative'));
  assert.ok(!ids(`${BASE}# stagecraft-ignore workdir-relative -- legacy layout\nWORKDIR app\n`).includes('4:workdir-relative'));
  assert.ok(!ids(`${BASE}# stagecraft-ignore DL3000\nWORKDIR app\n`).includes('4:workdir-relative'));
  // Only the instruction below: the next WORKDIR is still reported.
  assert.ok(ids(`${BASE}# stagecraft-ignore workdir-relative\nWORKDIR app\nWORKDIR other\n`).includes('5:workdir-relative'));
});

test('# hadolint ignore= and # hadolint global ignore= are honoured through aliases', () => {
  const t = `${BASE}# hadolint ignore=DL3000,SC2086\nWORKDIR app\nWORKDIR b\n`;
  assert.deepEqual(ids(t).filter((x) => x.endsWith('workdir-relative')), ['5:workdir-relative']);
  const g = `# hadolint global ignore=DL3000\n${BASE}WORKDIR app\nWORKDIR b\n`;
  assert.deepEqual(ids(g).filter((x) => x.endsWith('workdir-relative')), []);
});

test('stage-level forms: # stagecraft-ignore-stage and # hadolint stage ignore=', () => {
  const t = 'FROM golang:1.23 AS build\n# stagecraft-ignore-stage run-cd -- vendored build script\nRUN cd /src && make\nRUN cd /x && make\nFROM debian:bookworm-slim\nUSER 1\nRUN cd /y && ls\n';
  assert.deepEqual(ids(t).filter((x) => x.endsWith('run-cd')), ['7:run-cd']);
  const h = 'FROM golang:1.23 AS build\n# hadolint stage ignore=DL3003\nRUN cd /src && make\nFROM debian:bookworm-slim\nUSER 1\nRUN cd /y && ls\n';
  assert.deepEqual(ids(h).filter((x) => x.endsWith('run-cd')), ['6:run-cd']);
});

test('file-level: # stagecraft-ignore-file, and BuildKit # check=skip= (names and skip=all)', () => {
  assert.deepEqual(ids(`# stagecraft-ignore-file workdir-relative -- x\n${BASE}WORKDIR app\n`).filter((x) => x.endsWith('workdir-relative')), []);
  const skip = `# check=skip=WorkdirRelativePath,JSONArgsRecommended\n${BASE}WORKDIR app\nCMD node x.js\n`;
  assert.deepEqual(ids(skip).filter((x) => /workdir-relative|json-args/.test(x)), []);
  const all = `# check=skip=all\n${BASE}WORKDIR app\nCMD node x.js\nRUN cd /x\n`;
  const left = ids(all);
  assert.ok(!left.some((x) => /workdir-relative|json-args-recommended/.test(x)));
  // skip=all covers BuildKit's checks only: run-cd (a hadolint/Trivy rule) stays.
  assert.ok(left.some((x) => x.endsWith('run-cd')));
});

test('Trivy IDs in any spelling (DS-0013, AVD-DS-0013, DS013) and `all`', () => {
  for (const id of ['DS-0013', 'AVD-DS-0013', 'DS013']) {
    assert.deepEqual(ids(`${BASE}# stagecraft-ignore ${id}\nRUN cd /x\n`).filter((x) => x.endsWith('run-cd')), [], id);
  }
  assert.deepEqual(ids(`${BASE}# stagecraft-ignore all -- generated\nRUN cd /x && sudo ls\n`).filter((x) => x.startsWith('4:')), []);
});

test('# check=error=true turns BuildKit-named findings into errors', () => {
  const f = lintText(`# check=error=true\n${BASE}WORKDIR app\nRUN cd /x\n`, 'Dockerfile', { severities }).findings;
  assert.equal(f.find((x) => x.ruleId === 'workdir-relative')!.severity, 'error');
  assert.equal(f.find((x) => x.ruleId === 'run-cd')!.severity, 'warning');
});

test('a blank line between a suppression and its instruction still applies it; one inside a continued RUN does not leak', () => {
  assert.ok(!ids(`${BASE}# stagecraft-ignore workdir-relative -- legacy\n\nWORKDIR app\n`).includes('5:workdir-relative'));
  assert.ok(!ids(`${BASE}# hadolint ignore=DL3000\n\nWORKDIR app\n`).includes('5:workdir-relative'));
  const inside = ids(`${BASE}RUN echo a \\\n  # stagecraft-ignore workdir-relative -- x\n  && echo b\nWORKDIR app\n`);
  assert.ok(inside.includes('6:workdir-relative'), inside.join());
});

test('# stagecraft-ignore -- reason (no ids) covers every rule, as the bare form does; ":" or "=" after the keyword works', () => {
  // It used to take "-- reason" for the id list and suppress nothing.
  assert.ok(!ids(`${BASE}# stagecraft-ignore -- generated\nWORKDIR app\n`).includes('4:workdir-relative'));
  assert.ok(!ids(`${BASE}# stagecraft-ignore\nWORKDIR app\n`).includes('4:workdir-relative'));
  assert.ok(!ids(`${BASE}# stagecraft-ignore: workdir-relative -- legacy\nWORKDIR app\n`).includes('4:workdir-relative'));
  assert.ok(!ids(`${BASE}# stagecraft-ignore=DL3000\nWORKDIR app\n`).includes('4:workdir-relative'));
  assert.ok(!ids(`# stagecraft-ignore-file -- template\n${BASE}WORKDIR app\n`).some((x) => x.endsWith('workdir-relative')));
  // A rule id with dashes is not a reason marker; a different word is not the pragma.
  assert.ok(!ids(`${BASE}# stagecraft-ignore copy-relative-dest-without-workdir,workdir-relative -- x\nWORKDIR app\n`).includes('4:workdir-relative'));
  assert.ok(ids(`${BASE}# stagecraft-ignored workdir-relative\nWORKDIR app\n`).includes('4:workdir-relative'));
});
