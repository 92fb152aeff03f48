/** What a requirements file says: package names, the files it pulls in, local paths it installs. */
export interface Requirements {
  /** Normalised names (PEP 503), with extras: `fastapi[standard]` -> name fastapi, extras [standard]. */
  packages: { name: string; extras: string[] }[];
  /** `-r other.txt` / `-c constraints.txt`, relative to the project root. */
  includes: string[];
  /** `-e .`, `./pkg`, `file:...`: the install needs the source tree. */
  localPaths: string[];
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A PEP 508 requirement string -> name and extras; undefined for URLs and paths. */
export function parseRequirement(spec: string): { name: string; extras: string[] } | undefined {
  if (/^\s*(?:[a-z][\w+.-]*:\/\/|git\+|hg\+|svn\+|bzr\+)/i.test(spec)) return undefined; // a URL: the name is in its #egg= part, if anywhere
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?/.exec(spec);
  if (!m || /^\s*[A-Za-z0-9._-]+\s*@\s*file:/.test(spec)) return undefined;
  return { name: normalizeName(m[1]!), extras: (m[2] ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean) };
}

export function parseRequirements(text: string, dir = ''): Requirements {
  const out: Requirements = { packages: [], includes: [], localPaths: [] };
  const rel = (p: string): string => (dir && !p.startsWith('/') ? `${dir}/${p}` : p).replace(/^\.\//, '');
  const logical = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const raw of logical) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const inc = /^(?:-r|--requirement|-c|--constraint)\s*=?\s*(\S+)/.exec(line);
    if (inc) {
      out.includes.push(rel(inc[1]!));
      continue;
    }
    const editable = /^(?:-e|--editable)\s*=?\s*(\S+)/.exec(line);
    const target = editable ? editable[1]! : line;
    if (/^(\.|\/|file:)/.test(target) || /@\s*file:/.test(target)) {
      out.localPaths.push(target);
      continue;
    }
    if (line.startsWith('-')) continue; // --index-url, --hash lines and other options
    const req = parseRequirement(target);
    if (req) out.packages.push(req);
  }
  return out;
}
