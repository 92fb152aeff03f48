import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFromSource, finalStage, mountsOf, parseDockerfile, resolveAt, stagesNeededFor, variablesBefore } from '../../../src/dockerfile/index.js';

test('stages: names, bases resolved from global ARG defaults, final stage', () => {
  const df = parseDockerfile('ARG BASE=node:20\nARG TAG\nFROM ${BASE} AS Build\nRUN npm ci\nFROM node:${TAG}-slim\nFROM build AS final\n');
  assert.equal(df.stages.length, 3);
  assert.equal(df.globalArgs.length, 2);
  const [a, b, c] = df.stages;
  assert.equal(a!.name, 'build');
  assert.equal(a!.nameAsWritten, 'Build');
  assert.equal(a!.base, '${BASE}');
  assert.equal(a!.resolvedBase, 'node:20');
  assert.equal(a!.baseUnresolved, false);
  assert.equal(b!.baseUnresolved, true);
  assert.equal(c!.baseStage, 0);
  assert.equal(c!.isFinal, true);
  assert.equal(finalStage(df)!.index, 2);
  assert.equal(finalStage(df, 'BUILD')!.index, 0);
  assert.equal(finalStage(df, 'nope'), undefined);
  assert.deepEqual(stagesNeededFor(df, c!).map((s) => s.index), [0, 2]);
});

test('instructions: keyword as written, flags, JSON form, 1-based positions', () => {
  const df = parseDockerfile('FROM scratch\ncopy --from=build --chown=1:1 ["a b", "/x/"]\n  CMD node x.js\n');
  const copy = df.instructions[1]!;
  assert.equal(copy.keyword, 'COPY');
  assert.equal(copy.keywordAsWritten, 'copy');
  assert.deepEqual(copy.flags.map((f) => [f.name, f.value]), [['from', 'build'], ['chown', '1:1']]);
  assert.deepEqual(copy.json, ['a b', '/x/']);
  assert.equal(copy.line, 2);
  assert.equal(copy.column, 1);
  const cmd = df.instructions[2]!;
  assert.equal(cmd.json, null);
  assert.equal(cmd.column, 3);
  assert.equal(cmd.endColumn, 16);
  assert.equal(df.text.slice(cmd.start, cmd.end), 'CMD node x.js');
});

test('continuations are joined and comment lines inside them dropped', () => {
  const df = parseDockerfile('FROM a\nRUN apt-get update \\\n  # why\n  && apt-get install -y x \\\n\n  && echo done\n');
  const run = df.instructions[1]!;
  assert.equal(run.args, 'apt-get update   && apt-get install -y x   && echo done');
  assert.equal(run.line, 2);
  assert.equal(run.endLine, 6);
});

test('escape directive, syntax and check directives', () => {
  const df = parseDockerfile('# escape=`\n# check=skip=JSONArgsRecommended\nFROM a\nRUN echo a `\n  b\n');
  assert.equal(df.directives.escape, '`');
  assert.equal(df.directives.check, 'skip=JSONArgsRecommended');
  assert.equal(df.instructions[1]!.args, 'echo a   b');
});

test('CRLF and BOM are accepted; positions refer to the BOM-less text', () => {
  const df = parseDockerfile('\ufeffFROM a\r\nRUN x \\\r\n  y\r\nUSER 1000\r\n');
  assert.equal(df.bom, true);
  assert.equal(df.eol, '\r\n');
  assert.equal(df.instructions.length, 3);
  assert.equal(df.instructions[1]!.args, 'x   y');
  assert.equal(df.instructions[2]!.line, 4);
  assert.deepEqual(df.errors, []);
});

test('heredocs are parsed', () => {
  const df = parseDockerfile('FROM a\nRUN <<EOF\nset -e\necho hi\nEOF\nCOPY <<EOT /etc/x\nhello\nEOT\n');
  const run = df.instructions[1]!;
  assert.equal(run.heredocs.length, 1);
  assert.equal(run.heredocs[0]!.name, 'EOF');
  assert.equal(run.heredocs[0]!.content, 'set -e\necho hi');
  assert.equal(df.instructions[2]!.keyword, 'COPY');
  assert.equal(df.instructions.length, 3);
});

test('syntax problems are data: empty, binary, no FROM, unknown instruction, bad FROM', () => {
  assert.match(parseDockerfile('').errors[0]!.message, /empty/);
  assert.match(parseDockerfile(new Uint8Array([0x46, 0, 1, 2])).errors[0]!.message, /binary/);
  assert.match(parseDockerfile('RUN echo\n').errors.map((e) => e.message).join(), /no FROM/);
  const unknown = parseDockerfile('FROM a\nFOO bar\n').errors;
  assert.equal(unknown[0]!.line, 2);
  assert.match(unknown[0]!.message, /unknown instruction: FOO/);
  assert.match(parseDockerfile('FROM a b\n').errors[0]!.message, /FROM takes/);
});

test('COPY --from resolved through ARGs; self reference detected; mounts parsed', () => {
  const df = parseDockerfile('ARG S=build\nFROM a AS build\nCOPY --from=build x y\nFROM b\nARG S\nCOPY --from=${S} /a /b\nRUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci\n');
  const self = copyFromSource(df, df.instructions[2]!)!;
  assert.equal(self.self, true);
  const copy = copyFromSource(df, df.instructions[5]!)!;
  assert.equal(copy.resolved, 'build');
  assert.equal(copy.stage, 0);
  const m = mountsOf(df.instructions[6]!);
  assert.deepEqual([m[0]!.type, m[0]!.target, m[0]!.options.sharing], ['cache', '/root/.npm', 'locked']);
});

test('variables: ENV and ARG in a stage, resolveAt', () => {
  const df = parseDockerfile('FROM a\nARG V=1\nENV HOME_DIR=/home/$V APP=x\nWORKDIR $HOME_DIR\n');
  const wd = df.instructions[3]!;
  assert.equal(variablesBefore(df, wd).get('HOME_DIR'), '/home/1');
  assert.equal(resolveAt(df, wd, wd.args).value, '/home/1');
  assert.deepEqual(resolveAt(df, wd, '$NOPE').unresolved, ['NOPE']);
});

test('leading comments are attached to the instruction below them', () => {
  const df = parseDockerfile('FROM a\n\n# one\n# two\nRUN x\n');
  assert.deepEqual(df.instructions[1]!.leadingComments.map((c) => c.text), ['one', 'two']);
});

test('flags across continuation lines, with positions; arguments start after them', () => {
  const df = parseDockerfile('FROM a\nRUN --mount=type=secret,id=npmrc \\\n    --mount=type=cache,target=/root/.npm \\\n    npm ci\nCOPY --link --chmod=755 a /b\n');
  const run = df.instructions[1]!;
  assert.deepEqual(run.flags.map((f) => [f.name, f.value, f.line, f.column]), [['mount', 'type=secret,id=npmrc', 2, 5], ['mount', 'type=cache,target=/root/.npm', 3, 5]]);
  assert.equal(run.args, 'npm ci');
  const copy = df.instructions[2]!;
  assert.deepEqual(copy.flags.map((f) => [f.name, f.value]), [['link', null], ['chmod', '755']]);
  assert.deepEqual(copy.words, ['a', '/b']);
});

test('a word starting with -- after the arguments is not a flag', () => {
  const df = parseDockerfile('FROM a\nRUN npm ci --omit=dev\nCMD --help\n');
  assert.deepEqual(df.instructions[1]!.flags, []);
  assert.equal(df.instructions[1]!.args, 'npm ci --omit=dev');
  assert.equal(df.instructions[2]!.args, '--help');
});

test('a UTF-16 file (PowerShell 5 writes one with >) is said to be UTF-16, not binary', () => {
  const le = Buffer.from('\uFEFFFROM node:20-slim\nUSER node\n', 'utf16le');
  assert.match(parseDockerfile(new Uint8Array(le)).errors[0]!.message, /UTF-16.*save it as UTF-8/);
  // Without a byte-order mark: a NUL after every character.
  const bare = Buffer.from('FROM node:20-slim\n', 'utf16le');
  assert.match(parseDockerfile(bare.toString('utf8')).errors[0]!.message, /UTF-16/);
  assert.match(parseDockerfile(new Uint8Array([0x46, 0, 1, 2, 0x41, 0x41])).errors[0]!.message, /binary/);
});
