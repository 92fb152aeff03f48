import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UserError } from '../util/errors.js';

function git(cwd: string, args: string[]): string {
  const r = spawnSync('git', ['-C', cwd, ...args], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new UserError(`--git needs git: ${r.error.message}`);
  if (r.status !== 0) throw new UserError(`--git: git ${args[0]} failed: ${r.stderr.toString('utf8').trim() || `exit ${r.status}`}`, 2, undefined, undefined, 'is the context inside a git repository? Use --changed <paths> otherwise');
  return r.stdout.toString('utf8');
}

/**
 * The working tree's changes against HEAD (staged, unstaged, untracked, deleted, both sides of a
 * rename), as paths relative to the context folder; changes outside the context are left out.
 */
export function gitChangedPaths(contextDir: string): string[] {
  const ctx = realpathSync(resolve(contextDir));
  const top = realpathSync(git(ctx, ['rev-parse', '--show-toplevel']).trim());
  const paths = new Set<string>();
  // -z: names verbatim (no quoting), renames as "new\0old\0".
  const status = git(ctx, ['status', '--porcelain=v1', '-z', '--untracked-files=all']).split('\0');
  for (let i = 0; i < status.length; i++) {
    const entry = status[i]!;
    if (entry.length < 4) continue;
    const xy = entry.slice(0, 2);
    paths.add(entry.slice(3));
    if (xy.includes('R') || xy.includes('C')) paths.add(status[++i]!);
  }
  // Committed-but-not-pushed work is HEAD already; `status` covers index and tree against HEAD.
  const out: string[] = [];
  for (const p of paths) {
    if (!p) continue;
    const rel = relative(ctx, resolve(top, p));
    if (rel === '' || rel.startsWith('..')) continue;
    out.push(rel);
  }
  return out.sort();
}
