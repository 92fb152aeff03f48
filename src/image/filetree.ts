import type { EntryKind, LayerEntry } from './types.js';

/** A node of the merged filesystem: the copy that is visible after applying the layers so far. */
export interface TreeNode {
  name: string;
  kind: EntryKind;
  /** Regular-file bytes of this copy (0 for directories, links and specials). */
  size: number;
  /** Layer that wrote this copy. */
  layer: number;
  linkname?: string;
  /** Created only as the parent of an entry, with no entry of its own. */
  implied?: boolean;
  children?: Map<string, TreeNode>;
  /** For a hard link: the node holding the shared content. */
  target?: TreeNode;
  /** For a file: the live hard links to it (they keep its bytes alive when it is replaced or deleted). */
  links?: Set<TreeNode>;
}

/** A copy that a later entry replaced or deleted: bytes that ship but can never be seen. */
export interface DeadCopy {
  path: string;
  bytes: number;
  /** Layer holding the dead copy. */
  layer: number;
  /** Layer whose entry replaced, deleted or hid it. */
  killedBy: number;
}

export interface MergedTree {
  root: TreeNode;
  /** Dead copies with bytes (empty files and directories are left out). */
  dead: DeadCopy[];
}

export function newRoot(): TreeNode {
  return { name: '', kind: 'dir', size: 0, layer: -1, implied: true, children: new Map() };
}

function collectDead(node: TreeNode, path: string, killedBy: number, out: DeadCopy[]): void {
  if (node.target) node.target.links?.delete(node);
  if (node.size > 0) {
    const heir = node.links && [...node.links][0];
    if (heir) {
      // A hard link still names this content: it lives on there, nothing is wasted.
      node.links!.delete(heir);
      delete heir.target;
      heir.size = node.size;
      heir.links = node.links;
      for (const l of node.links!) l.target = heir;
    } else out.push({ path, bytes: node.size, layer: node.layer, killedBy });
  }
  if (node.children) for (const [name, child] of node.children) collectDead(child, `${path}/${name}`, killedBy, out);
}

/** Walks to the parent directory of `path`, creating missing directories (and replacing non-directories). */
function parentOf(root: TreeNode, parts: string[], layer: number, dead: DeadCopy[]): TreeNode {
  let node = root;
  let path = '';
  for (let i = 0; i < parts.length - 1; i++) {
    const name = parts[i]!;
    path += `/${name}`;
    let next = node.children!.get(name);
    if (!next || next.kind !== 'dir') {
      if (next) collectDead(next, path, layer, dead);
      next = { name, kind: 'dir', size: 0, layer, implied: true, children: new Map() };
      node.children!.set(name, next);
    }
    node = next;
  }
  return node;
}

function lookup(root: TreeNode, parts: string[]): { parent: TreeNode; node: TreeNode } | undefined {
  let parent = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = parent.children?.get(parts[i]!);
    if (!next || !next.children) return undefined;
    parent = next;
  }
  const node = parent.children?.get(parts[parts.length - 1]!);
  return node ? { parent, node } : undefined;
}

/**
 * Applies one layer over the tree, as the engine does: opaque markers first (they hide every lower
 * child of their directory whatever their place in the tar), then the entries in order. A
 * non-directory replaces whatever was at its path; a directory over a directory keeps the children.
 */
export function applyLayer(tree: MergedTree, entries: LayerEntry[], layer: number): void {
  const { root, dead } = tree;
  for (const e of entries) {
    if (e.whiteout !== 'opaque') continue;
    const found = e.path === '' ? { node: root } : lookup(root, e.path.split('/'));
    if (found?.node.children) {
      for (const [name, child] of found.node.children) collectDead(child, `/${e.path ? `${e.path}/` : ''}${name}`, layer, dead);
      found.node.children.clear();
    }
  }
  for (const e of entries) {
    if (e.whiteout === 'opaque') continue;
    const parts = e.path.split('/');
    if (e.whiteout === 'file') {
      const found = lookup(root, parts);
      if (found) {
        collectDead(found.node, `/${e.path}`, layer, dead);
        found.parent.children!.delete(parts[parts.length - 1]!);
      }
      continue;
    }
    const parent = parentOf(root, parts, layer, dead);
    const name = parts[parts.length - 1]!;
    const existing = parent.children!.get(name);
    if (e.kind === 'dir' && existing?.kind === 'dir') {
      existing.layer = layer;
      delete existing.implied;
      continue;
    }
    if (existing) collectDead(existing, `/${e.path}`, layer, dead);
    const node: TreeNode = { name, kind: e.kind, size: e.kind === 'file' ? e.size : 0, layer };
    if (e.linkname) node.linkname = e.linkname;
    if (e.kind === 'dir') node.children = new Map();
    if (e.kind === 'hardlink' && e.linkname) {
      const target = lookup(root, e.linkname.split('/'))?.node;
      const content = target?.target ?? target;
      if (content && content.kind === 'file') {
        node.target = content;
        (content.links ??= new Set()).add(node);
      }
    }
    parent.children!.set(name, node);
  }
}

export function mergeLayers(layers: LayerEntry[][]): MergedTree {
  const tree: MergedTree = { root: newRoot(), dead: [] };
  layers.forEach((entries, i) => applyLayer(tree, entries, i));
  return tree;
}

/** Every node of the tree with its absolute path, depth first, parents before children. */
export function* walkTree(node: TreeNode, path = ''): Generator<{ path: string; node: TreeNode }> {
  if (!node.children) return;
  for (const [name, child] of [...node.children].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const p = `${path}/${name}`;
    yield { path: p, node: child };
    yield* walkTree(child, p);
  }
}

export function findNode(root: TreeNode, path: string): TreeNode | undefined {
  const clean = path.replace(/^\/+|\/+$/g, '');
  if (clean === '') return root;
  return lookup(root, clean.split('/'))?.node;
}
