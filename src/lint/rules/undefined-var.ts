import { substitute, variablesBefore, type Instruction } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { PLATFORM_ARGS } from './undefined-arg-in-from.js';

// The builder expands variables itself in these; RUN/CMD/ENTRYPOINT are left to the shell.
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);
const PREDEFINED = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy', 'PATH', 'HOME', 'HOSTNAME', 'TERM', 'LANG', 'USER', 'PWD', 'SHELL', 'SOURCE_DATE_EPOCH', 'BUILDKIT_SYNTAX']);

/** Names base images commonly define (node's NODE_VERSION, golang's GOPATH...): we cannot see the base's ENV. */
function mayComeFromBase(name: string): boolean {
  return /_(VERSION|HOME|PATH|ROOT|DIR|MAJOR|SHA256|URL)$|^(GO|JAVA|PYTHON|NODE|NPM|YARN|RUBY|GEM|BUNDLE|PHP|CARGO|RUSTUP|DOTNET|ASPNETCORE|MAVEN|GRADLE|PIP|LC)_|^GOPATH$|^GOROOT$|^GOTOOLCHAIN$|^LD_LIBRARY_PATH$/.test(name);
}

export default defineRule<{ name: string }>({
  id: 'undefined-var',
  severity: 'warning',
  description: 'A variable the builder expands (in COPY, ENV, WORKDIR, USER...) should be declared by ARG or ENV before it is used.',
  message: (d) => `$${d.name} is not declared by an ARG or ENV above: it expands to an empty string (declare ARG ${d.name} in this stage)`,
  aliases: ['UndefinedVar'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    instruction(i: Instruction, stage) {
      if (!stage || !EXPANDED.has(i.keyword) || !i.args.includes('$')) return;
      const known = variablesBefore(ctx.df, i);
      // ENV a=1 b=$a: names set earlier in the same instruction count.
      const sameLine = i.keyword === 'ENV' || i.keyword === 'ARG' ? i.words.map((w) => w.split('=')[0]!) : [];
      const text = i.keyword === 'ENV' || i.keyword === 'ARG' || i.keyword === 'LABEL' ? i.words.map((w) => w.slice(w.indexOf('=') + 1)).join(' ') : i.args;
      // Names that would expand to nothing: `${A:-default}` and `${A:+alt}` say what happens when A is unset.
      for (const name of new Set(substitute(text, () => undefined, ctx.df.directives.escape).unresolved)) {
        if (known.has(name) || PLATFORM_ARGS.has(name) || PREDEFINED.has(name) || sameLine.includes(name) || mayComeFromBase(name)) continue;
        return ctx.report({ at: i, data: { name } });
      }
    },
  }),
});
