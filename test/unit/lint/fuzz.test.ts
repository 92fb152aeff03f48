// No input makes a rule throw: a rule that throws shows up as an "internal error" finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/lint/linter.js';
import { fixText } from '../../../src/lint/fix.js';
import { resolveSeverities } from '../../../src/lint/config.js';
import { rules } from '../../../src/lint/registry.js';
import { memoryBuildContext } from '../../../src/lint/context.js';
import { rng } from '../support/rng.js';


const SAMPLE = `# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended
ARG BASE=node:20
FROM \${BASE} AS Build
WORKDIR app
COPY package.json ./
# hadolint ignore=DL3008
RUN apt update && apt install curl | tee x \\

    && pip install --user flask --trusted-host x && npm ci --only=production
RUN <<EOF
set -eu
cd /x && go build -o /app .
EOF
FROM scratch as final
COPY --from=Build /app /app
COPY --from=\${NOPE} .env /
ENV A b
EXPOSE 22/TCP 80:80 99999
MAINTAINER me
USER root
CMD node x.js
`;

const severities = resolveSeverities(rules, { preset: 'all' });
const context = memoryBuildContext({ '.dockerignore': 'dist\n', 'package.json': '{"dependencies":{"bcrypt":"1"}}', '.env': 'x' });

function check(text: string): void {
  const { findings } = lintText(text, 'Dockerfile', { severities, buildContext: context, settings: { trustedRegistries: ['ghcr.io'] } });
  const internal = findings.filter((f) => f.message.startsWith('internal error'));
  assert.deepEqual(internal.map((f) => f.message), [], `on input:\n${JSON.stringify(text)}`);
}

test('every rule survives truncated and mutated Dockerfiles', () => {
  for (let cut = 0; cut <= SAMPLE.length; cut += 3) check(SAMPLE.slice(0, cut));
  const r = rng(3);
  const bits = ['\\', '\n', '"', "'", '$', '${', '}', '[', ']', '<<EOF\n', 'EOF\n', ' ', '# ', '=', '--', '\r\n', '`', '&&', '|', 'FROM ', 'COPY --from=', 'RUN ', '\u0000'];
  for (let n = 0; n < 150; n++) {
    let t = SAMPLE;
    for (let k = 0; k < 4; k++) {
      const at = Math.floor(r() * t.length);
      t = t.slice(0, at) + bits[Math.floor(r() * bits.length)] + t.slice(at + Math.floor(r() * 4));
    }
    check(t);
  }
});

test('every rule survives random bytes, and --fix never throws', () => {
  const r = rng(5);
  for (let n = 0; n < 100; n++) {
    const bytes = new Uint8Array(Math.floor(r() * 300));
    for (let i = 0; i < bytes.length; i++) bytes[i] = r() < 0.7 ? 32 + Math.floor(r() * 95) : Math.floor(r() * 256);
    const text = `FROM a\n${new TextDecoder().decode(bytes)}`;
    check(text);
    fixText(text, 'Dockerfile', { severities });
  }
  const fixed = fixText(SAMPLE, 'Dockerfile', { severities });
  assert.equal(fixText(fixed.output, 'Dockerfile', { severities }).output, fixed.output, 'fixes are idempotent on the sample');
});
