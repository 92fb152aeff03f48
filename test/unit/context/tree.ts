// Builds small file trees in temp folders for the context tests: declared inline, next to the test.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type TreeSpec = Record<string, string | Buffer | { link: string }>;

/** Creates the tree (`a/b.txt: 'text'`, `dir/: ''` for an empty folder, `{ link }` for a symlink). */
export function makeTree(spec: TreeSpec): string {
  const root = mkdtempSync(join(tmpdir(), 'stagecraft-context-test-'));
  writeTree(root, spec);
  return root;
}

export function writeTree(root: string, spec: TreeSpec): void {
  for (const [path, content] of Object.entries(spec)) {
    const abs = join(root, path);
    if (path.endsWith('/')) {
      mkdirSync(abs, { recursive: true });
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) symlinkSync(content.link, abs);
    else writeFileSync(abs, content);
  }
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
