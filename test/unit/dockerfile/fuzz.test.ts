import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile, parseShell, runScript, finalStage, variablesBefore } from '../../../src/dockerfile/index.js';
import { rng } from '../support/rng.js';


const SAMPLE = `# syntax=docker/dockerfile:1
ARG BASE=node:20
FROM \${BASE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci && \\
    npm run build
RUN <<EOF
set -eu
echo "\${X:-y}" | tee /tmp/x
EOF
FROM gcr.io/distroless/nodejs20-debian12:nonroot
COPY --from=build /app/dist /app
ENV A=1 B="two words"
USER 65532
CMD ["/app/index.js"]
`;

test('never throws on random bytes', () => {
  const r = rng(7);
  for (let n = 0; n < 300; n++) {
    const bytes = new Uint8Array(Math.floor(r() * 400));
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
    const df = parseDockerfile(bytes);
    assert.ok(Array.isArray(df.errors));
  }
});

test('never throws on truncated and mutated real Dockerfiles', () => {
  const r = rng(11);
  const alphabet = ['\\', '\n', '"', "'", '$', '{', '}', '[', ']', '<<', 'EOF', ' ', '#', '=', '--', '\r\n', '`', '&&', '|'];
  for (let cut = 0; cut <= SAMPLE.length; cut++) {
    const df = parseDockerfile(SAMPLE.slice(0, cut));
    for (const i of df.instructions) {
      runScript(i);
      variablesBefore(df, i);
    }
    finalStage(df);
  }
  for (let n = 0; n < 400; n++) {
    let t = SAMPLE;
    for (let k = 0; k < 5; k++) {
      const at = Math.floor(r() * t.length);
      t = t.slice(0, at) + alphabet[Math.floor(r() * alphabet.length)] + t.slice(at + Math.floor(r() * 3));
    }
    const df = parseDockerfile(t);
    for (const i of df.instructions) runScript(i);
    parseShell(t);
  }
});

test('accepts a huge file', () => {
  const body = 'RUN echo hello \\\n  && true\n'.repeat(20000);
  const df = parseDockerfile(`FROM a\n${body}`);
  assert.equal(df.instructions.length, 20001);
});
