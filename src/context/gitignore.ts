/**
 * Translates a root .gitignore into .dockerignore lines with the same meaning under Docker's rules
 * (../shared/knowledge/dockerignore.md): a name without a `/` matches at any depth in git, so it
 * becomes `**\/name`; a leading `/` (kept, for the reader) or a `/` inside anchors at the root (Docker patterns always
 * are); a trailing `/` (folders only) is dropped, since Docker has no folder-only form; `!`
 * negations are kept in place; comments and blank lines are skipped.
 */
export function translateGitignore(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = translateLine(raw);
    if (line !== undefined) out.push(line);
  }
  return out;
}

function translateLine(raw: string): string | undefined {
  if (raw.startsWith('#')) return undefined;
  // git trims trailing spaces unless escaped with a backslash; leading spaces are significant.
  let body = raw.replace(/(?<!\\)\s+$/, '').replace(/\\ $/, ' ');
  if (body.trim() === '') return undefined;
  let negate = false;
  if (body.startsWith('!')) {
    negate = true;
    body = body.slice(1);
  } else if (body.startsWith('\\!') || body.startsWith('\\#')) {
    body = body.slice(1);
  }
  // Docker trims lines: a name with a leading or trailing space cannot be said.
  if (body.startsWith(' ') || body.endsWith(' ')) return undefined;
  body = body.replace(/\/+$/, '');
  if (body === '') return undefined;
  let pattern: string;
  // Anchored in git: the leading `/` is kept (Docker reads `/name` as `name`) so that a reader, and
  // `stagecraft context`, can tell a root-only entry from a bare name meant at any depth.
  if (body.startsWith('/')) pattern = body.replace(/^\/+/, '') === '' ? '' : `/${body.replace(/^\/+/, '')}`;
  else if (body.includes('/') || body.startsWith('**')) pattern = body;
  else pattern = `**/${body}`;
  if (pattern === '' || pattern === '.') return undefined;
  // A leading `#` would read as a comment in .dockerignore; escape it.
  if (pattern.startsWith('#')) pattern = `\\${pattern}`;
  return `${negate ? '!' : ''}${pattern}`;
}
