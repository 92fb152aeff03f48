/**
 * What a generated image must not hold, as pure checks over its file list: each returns the
 * offending paths (empty when clean), so a failure names every one of them.
 */

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const parentName = (p: string) => basename(p.slice(0, p.lastIndexOf('/')));

export interface Violation {
  rule: string;
  paths: string[];
}

export interface ImageExpectations {
  stack: string;
  compiled: boolean;
  devDependencies: string[];
  mustNotShip: string[];
  /** Marker planted in the stray node_modules/.venv/log of the work tree. */
  strayMarker: string;
  /** The image's WORKDIR: where relative mustNotShip entries are looked for first. */
  workdir?: string;
}

/** Compilers: never in a final stage. */
const compilers = ['gcc', 'g++', 'cc', 'c++', 'go', 'gofmt', 'tsc'];
/** Package managers: nothing a compiled Go or Bun binary needs at run time. */
const packageManagers = ['npm', 'npx', 'pnpm', 'yarn', 'corepack', 'pip', 'pip3'];
/** Package manager caches, which cache mounts keep out of layers. */
const cacheDirs = [/\/\.npm\/_cacache\//, /\/\.cache\/pip\//, /\/\.cache\/go-build\//, /\/go\/pkg\/mod\/cache\//, /\/\.bun\/install\/cache\//, /\/\.pnpm-store\//, /\/\.local\/share\/pnpm\/store\//, /\/\.cache\/yarn\//, /\/\.yarn\/berry\/cache\//];

/**
 * `all`: every path in the image; `added`: the paths its runtime base does not have (what the
 * Dockerfile put there). Rules about the app look at `added`, so that files a base image ships
 * (npm's own dependencies in node:20-slim) cannot be mistaken for the app's.
 */
export function imageViolations(all: string[], added: string[], x: ImageExpectations): Violation[] {
  const out: Violation[] = [];
  const rule = (name: string, paths: string[]) => { if (paths.length) out.push({ rule: name, paths: paths.slice(0, 25) }); };

  rule('.env files', all.filter((p) => /^\.env(\..+)?$/.test(basename(p)) && !/^\.env\.(example|sample|template)$/.test(basename(p))));
  rule('git metadata', all.filter((p) => p.split('/').includes('.git')));
  rule('stray node_modules/.venv from the work tree', all.filter((p) => p.includes(x.strayMarker)));
  rule('npm debug logs', all.filter((p) => /^(npm-debug|yarn-error|yarn-debug|pnpm-debug)\.log/.test(basename(p))));
  rule('package manager caches', added.filter((p) => cacheDirs.some((re) => re.test(`${p}/`))));

  for (const dep of x.devDependencies) {
    const name = dep.replace(/\/+$/, '');
    const pyName = name.toLowerCase().replace(/[-.]+/g, '_');
    const looksLikeFile = (/\//.test(name) && !name.startsWith('@')) || /\.(js|cjs|mjs|ts|json|py|go|txt|toml|lock|ya?ml)$/.test(name);
    rule(
      `dev dependency ${dep}`,
      added.filter((p) => {
        const s = `${p}/`;
        if (s.includes(`/node_modules/${name}/`) || s.includes(`/node_modules/.bin/${name}/`)) return true;
        if (s.toLowerCase().includes(`/site-packages/${pyName}/`) || new RegExp(`/site-packages/${escape(pyName)}-[^/]*\\.dist-info/`, 'i').test(s)) return true;
        return looksLikeFile && (p.endsWith(`/${name}`) || s.includes(`/${name}/`));
      }),
    );
  }

  // Absolute entries name an image path; relative ones a project path, found under the WORKDIR or,
  // wherever the app was copied, as a path suffix outside node_modules (packages have their own src/).
  const wd = (x.workdir || '/').replace(/\/+$/, '');
  for (const entry of x.mustNotShip) {
    const absolute = entry.startsWith('/');
    const e = entry.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);
    rule(
      `mustNotShip ${entry}`,
      added.filter((p) =>
        absolute ? under(p, `/${e}`) : under(p, `${wd}/${e}`) || (!p.includes('/node_modules/') && (p.endsWith(`/${e}`) || p.includes(`/${e}/`))),
      ),
    );
  }

  rule('compilers in the final stage', all.filter((p) => compilers.includes(basename(p)) && /^(bin|sbin|\.bin)$/.test(parentName(p))));

  if (x.compiled) {
    rule('Go source in a compiled image', all.filter((p) => p.endsWith('.go')));
    rule(
      'TypeScript source in a compiled image',
      all.filter((p) => /\.(ts|tsx|mts|cts)$/.test(p) && !/\.d\.(ts|mts|cts)$/.test(p) && !p.includes('/node_modules/')),
    );
    if (x.stack === 'go' || x.stack === 'bun') {
      rule(`package managers in a compiled ${x.stack} image`, all.filter((p) => packageManagers.includes(basename(p)) && /^(bin|sbin|\.bin)$/.test(parentName(p))));
    }
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function formatViolations(vs: Violation[]): string {
  return vs.map((v) => `- ${v.rule}:\n${v.paths.map((p) => `    ${p}`).join('\n')}`).join('\n');
}
