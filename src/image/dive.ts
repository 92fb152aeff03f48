import type { LayerEntry, WastedPath } from './types.js';

/**
 * dive's scoring, reproduced so that existing `.dive-ci` thresholds keep their meaning
 * (wagoodman/dive, image/efficiency.go and filetree): files keyed by path only, every copy of a
 * path counted, opaque markers ignored, only layer 0 treated as base. Its quirks are kept on
 * purpose: the first copy of an overwritten file counts as waste too.
 */
interface DiveNode {
  name: string;
  isDir: boolean;
  size: number;
  children: Map<string, DiveNode>;
  parent?: DiveNode;
}

const whiteoutPrefix = '.wh.';

function newNode(name: string, parent?: DiveNode): DiveNode {
  return { name, isDir: false, size: 0, children: new Map(), parent };
}

/** dive's AddPath: intermediate nodes get an empty payload; an existing node gets the new payload and keeps its children. */
function addPath(root: DiveNode, parts: string[], isDir: boolean, size: number): void {
  let node = root;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!;
    let child = node.children.get(name);
    if (!child) {
      child = newNode(name, node);
      node.children.set(name, child);
    }
    node = child;
    if (i === parts.length - 1) {
      node.isDir = isDir;
      node.size = size;
    }
  }
}

function getNode(root: DiveNode, parts: string[]): DiveNode | undefined {
  let node: DiveNode | undefined = root;
  for (const p of parts) {
    node = node.children.get(p);
    if (!node) return undefined;
  }
  return node;
}

function removePath(root: DiveNode, parts: string[]): void {
  const node = getNode(root, parts);
  if (node?.parent) node.parent.children.delete(node.name);
}

/** The layer as dive's tree holds it: whiteouts stay as `.wh.<name>` nodes, opaque markers are dropped. */
function layerTree(entries: LayerEntry[]): DiveNode {
  const root = newNode('');
  for (const e of entries) {
    if (e.whiteout === 'opaque') continue;
    const parts = e.path.split('/');
    if (e.whiteout === 'file') parts[parts.length - 1] = whiteoutPrefix + parts[parts.length - 1];
    addPath(root, parts, e.kind === 'dir' && !e.whiteout, e.size);
  }
  return root;
}

/** dive's VisitDepthChildFirst: children in name order, then the node; the root itself is never visited. */
function visitChildFirst(node: DiveNode, path: string[], visit: (node: DiveNode, path: string[]) => void): void {
  const names = [...node.children.keys()].sort();
  for (const name of names) {
    const child = node.children.get(name)!;
    const childPath = [...path, name];
    visitChildFirst(child, childPath, visit);
    visit(child, childPath);
  }
}

function subtreeSize(node: DiveNode): number {
  let total = node.size;
  for (const child of node.children.values()) total += subtreeSize(child);
  return total;
}

function diveParts(path: string[]): string[] {
  const last = path[path.length - 1]!;
  return last.startsWith(whiteoutPrefix) ? [...path.slice(0, -1), last.slice(whiteoutPrefix.length)] : path;
}

export interface DiveResult {
  efficiency: number;
  wastedBytes: number;
  /** wasted / bytes of every layer but the first; null where dive would divide by zero with waste (Inf). */
  userWastedPercent: number | null;
  /** dive's layer sizes: the sum of the tar header sizes of each layer. */
  layerSizes: number[];
  /** Paths seen in two or more layers, largest first (dive's "inefficient files"). */
  inefficient: WastedPath[];
}

export function diveAnalysis(layers: LayerEntry[][]): DiveResult {
  const byPath = new Map<string, { cumulative: number; min: number; count: number }>();
  const stacked = newNode('');
  const layerSizes: number[] = [];
  for (const entries of layers) {
    layerSizes.push(entries.reduce((sum, e) => sum + e.size, 0));
    const tree = layerTree(entries);
    visitChildFirst(tree, [], (node, path) => {
      if (node.children.size > 0) return; // dive scores leaves only
      const isWhiteout = node.name.startsWith(whiteoutPrefix);
      const parts = diveParts(path);
      let size = node.size;
      if (isWhiteout) {
        size = 0;
        const previous = getNode(stacked, parts);
        if (previous?.isDir) size = subtreeSize(previous);
      }
      const key = `/${parts.join('/')}`;
      const data = byPath.get(key);
      if (!data) byPath.set(key, { cumulative: size, min: size, count: 1 });
      else {
        data.cumulative += size;
        data.min = Math.min(data.min, size);
        data.count++;
      }
    });
    visitChildFirst(tree, [], (node, path) => {
      if (node.name.startsWith(whiteoutPrefix)) removePath(stacked, diveParts(path));
      else addPath(stacked, path, node.isDir, node.size);
    });
  }
  let minimum = 0;
  let discovered = 0;
  let wastedBytes = 0;
  const inefficient: WastedPath[] = [];
  for (const [path, d] of byPath) {
    minimum += d.min;
    discovered += d.cumulative;
    if (d.count >= 2) {
      wastedBytes += d.cumulative;
      inefficient.push({ path, copies: d.count, bytes: d.cumulative });
    }
  }
  inefficient.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  const userBytes = layerSizes.slice(1).reduce((a, b) => a + b, 0);
  return {
    efficiency: discovered === 0 ? 1 : minimum / discovered,
    wastedBytes,
    userWastedPercent: userBytes === 0 ? (wastedBytes === 0 ? 0 : null) : wastedBytes / userBytes,
    layerSizes,
    inefficient,
  };
}
