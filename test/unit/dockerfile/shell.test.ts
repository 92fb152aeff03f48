import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandName, effectiveArgv, parseDockerfile, parseShell, runScript } from '../../../src/dockerfile/index.js';

test('splits on && || ; | and keeps quoted words whole', () => {
  const s = parseShell(`apt-get update && apt-get install -y "a b" || echo 'x;y' ; curl -s http://x | sh`);
  assert.deepEqual(s.commands.map((c) => c.argv), [['apt-get', 'update'], ['apt-get', 'install', '-y', 'a b'], ['echo', 'x;y'], ['curl', '-s', 'http://x'], ['sh']]);
  assert.equal(s.hasPipe, true);
  assert.deepEqual(s.commands.map((c) => c.inPipeline), [false, false, false, true, true]);
});

test('drops redirections, comments and keywords; keeps $( ) as one word', () => {
  const s = parseShell('if [ -f x ]; then echo $(cat a | wc -l) > /dev/null 2>&1; fi # note');
  assert.deepEqual(s.commands.map((c) => c.argv), [['[', '-f', 'x', ']'], ['echo', '$(cat a | wc -l)']]);
  assert.equal(s.hasPipe, false);
});

test('effectiveArgv strips assignments and wrappers', () => {
  assert.deepEqual(effectiveArgv(['DEBIAN_FRONTEND=noninteractive', 'sudo', '-E', 'apt-get', 'install']), ['apt-get', 'install']);
  assert.equal(commandName(['/usr/bin/pip3', 'install']), 'pip3');
});

test('runScript reads exec form with sh -c, and heredoc bodies', () => {
  const df = parseDockerfile('FROM a\nRUN ["sh", "-c", "cd /x && make"]\nRUN ["make"]\nRUN <<EOF\napt-get update\nEOF\nRUN cat <<EOF > /etc/conf\nnot a command\nEOF\n');
  assert.deepEqual(runScript(df.instructions[1]!)!.commands.map((c) => c.argv[0]), ['cd', 'make']);
  assert.deepEqual(runScript(df.instructions[2]!)!.commands.map((c) => c.argv), [['make']]);
  assert.deepEqual(runScript(df.instructions[3]!)!.commands.map((c) => c.argv), [['apt-get', 'update']]);
  assert.deepEqual(runScript(df.instructions[4]!)!.commands.map((c) => c.argv), [['cat']]);
});
