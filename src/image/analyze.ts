import { UserError, ExitCode } from '../util/errors.js';
import { resolveArchivePath, scanArchive, type ArchiveScan } from './archive.js';
import { baseFromDiffIds, guessBase, type BaseBoundary } from './base.js';
import { historyOf, maskHistoryText, summariseConfig } from './config.js';
import { diveAnalysis } from './dive.js';
import { findShouldNotShip } from './findings.js';
import { mergeLayers, walkTree, type TreeNode } from './filetree.js';
import { resolveImage, type ResolvedImage } from './resolve.js';
import { correctedWaste } from './waste.js';
import type { FileRecord, FolderNode, HistoryItem, ImageReport, LayerInfo, ParsedLayer, Platform } from './types.js';

export interface AnalyzeOptions {
  /** Shown as the image's name (default: its first tag, else the file name). */
  name?: string;
  platform?: Platform;
  /** Pick this image when the archive holds several. */
  tag?: string;
  /** The base image's layer digests (rootfs.diff_ids), to tell its layers from the user's exactly. */
  baseDiffIds?: string[];
  /** Include every file of the final filesystem in the report. */
  files?: boolean;
  /** How many of the largest files to list (default 25). */
  largest?: number;
}

/** Reads an image archive (one streaming pass) and analyses it. */
export async function analyzeArchive(file: string, options: AnalyzeOptions = {}): Promise<ImageReport> {
  const scan = await scanArchive(file);
  return analyzeScan(scan, options, file);
}

/** BuildKit layers are sized by their tar's file payloads; layers the engine unpacked itself (import, pull, load) by `du`-style walking, which counts symlinks too. */
export function engineLayerSize(layer: ParsedLayer, history: HistoryItem | undefined): number {
  const byBuildKit = history?.comment === 'buildkit.dockerfile.v0' || / # buildkit$/.test(history?.createdBy ?? '');
  return layer.regularBytes + (byBuildKit ? 0 : layer.symlinkBytes);
}

export function analyzeScan(scan: ArchiveScan, options: AnalyzeOptions = {}, file = 'archive'): ImageReport {
  const image = resolveImage(scan, { platform: options.platform, tag: options.tag });
  const parsed = image.layers.map((l) => {
    const path = resolveArchivePath(scan, l.path);
    const layer = scan.layers.get(path);
    if (layer) return layer;
    const broken = scan.broken.get(path);
    if (broken) throw new UserError(`${file}: layer ${l.path} is corrupt or truncated (${broken})`, ExitCode.usage);
    throw new UserError(`${file}: the archive is incomplete: layer ${l.path} is missing`, ExitCode.usage, undefined, undefined, 'save it again with `docker save -o image.tar IMAGE`');
  });
  return analyzeLayers(image, parsed, options, file);
}

function analyzeLayers(image: ResolvedImage, parsed: ParsedLayer[], options: AnalyzeOptions, file: string): ImageReport {
  const history = historyOf(image.config);
  const layerHistory = pairHistory(history, parsed.length);
  const base: BaseBoundary = options.baseDiffIds
    ? baseFromDiffIds(image.layers.map((l) => l.diffId), options.baseDiffIds, history)
    : guessBase(history, parsed.length);
  const entries = parsed.map((p) => p.entries);
  const merged = mergeLayers(entries);
  const dive = diveAnalysis(entries);
  const corrected = correctedWaste(parsed.map((p) => p.regularBytes), merged.dead, base.layers);

  const layers: LayerInfo[] = parsed.map((p, i) => {
    const h = layerHistory[i];
    const info: LayerInfo = {
      index: i,
      digest: image.layers[i]!.diffId,
      compression: p.compression,
      size: engineLayerSize(p, h),
      tarBytes: p.tarBytes,
      blobBytes: p.blobBytes,
      contentBytes: p.regularBytes,
      createdBy: maskHistoryText(h?.createdBy ?? ''),
      fromBase: i < base.layers,
      files: p.entries.filter((e) => !e.whiteout).length,
      whiteouts: p.entries.filter((e) => e.whiteout).length,
    };
    if (image.layers[i]!.blobDigest) info.blobDigest = image.layers[i]!.blobDigest;
    if (image.layers[i]!.mediaType) info.mediaType = image.layers[i]!.mediaType;
    if (h?.created) info.created = h.created;
    if (h?.comment) info.comment = h.comment;
    return info;
  });

  const files: FileRecord[] = [];
  const packageJsons = new Map<string, Buffer>();
  for (const { path, node } of walkTree(merged.root)) {
    if (node.kind === 'dir') continue;
    const rec: FileRecord = { path, kind: node.kind, size: node.size, layer: node.layer };
    if (node.linkname) rec.linkname = node.linkname;
    files.push(rec);
    if (node.kind === 'file' && path.endsWith('/package.json')) {
      const content = parsed[node.layer]?.captured.get(path.slice(1));
      if (content) packageJsons.set(path.slice(1), content);
    }
  }
  const filesystemBytes = files.reduce((a, f) => a + f.size, 0);
  const largestFiles = [...files].sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1)).slice(0, options.largest ?? 25);
  const config = summariseConfig(image.config);
  const findings = findShouldNotShip({ root: merged.root, baseLayers: base.layers, packageJsons, history, baseHistory: base.historyEntries });
  const size = layers.reduce((a, l) => a + l.size, 0);
  const report: ImageReport = {
    name: options.name ?? image.repoTags[0] ?? file,
    size,
    filesystemBytes,
    fileCount: files.length,
    archiveLayout: image.layout,
    platform: image.platform,
    config,
    user: config.user,
    layers,
    history: history.map((h) => ({ ...h, createdBy: maskHistoryText(h.createdBy) })),
    base: { layers: base.layers, source: base.source },
    efficiency: dive.efficiency,
    wastedBytes: dive.wastedBytes,
    userWastedPercent: dive.userWastedPercent,
    waste: {
      dive: {
        label: 'dive-compatible (same formulas as dive: every copy of a path counted, opaque markers ignored, only layer 0 as base)',
        efficiency: dive.efficiency,
        wastedBytes: dive.wastedBytes,
        userWastedPercent: dive.userWastedPercent,
        totalBytes: dive.layerSizes.reduce((a, b) => a + b, 0),
        userBytes: dive.layerSizes.slice(1).reduce((a, b) => a + b, 0),
        inefficient: dive.inefficient.slice(0, 50),
      },
      stagecraft: {
        label: `stagecraft (opaque whiteouts honoured, only reclaimable bytes, the ${base.layers} base-image layer${base.layers === 1 ? '' : 's'} as base)`,
        efficiency: corrected.efficiency,
        wastedBytes: corrected.wastedBytes,
        userWastedPercent: corrected.userWastedPercent,
        totalBytes: corrected.totalBytes,
        userBytes: corrected.userBytes,
        reclaimable: corrected.reclaimable,
      },
    },
    largestFiles,
    folders: folderTree(merged.root),
    findings,
  };
  if (options.files) report.files = files;
  return report;
}

/** Non-empty history entries pair with the layers, in order. */
function pairHistory(history: HistoryItem[], layers: number): (HistoryItem | undefined)[] {
  const nonEmpty = history.filter((h) => !h.emptyLayer);
  return Array.from({ length: layers }, (_, i) => nonEmpty[i]);
}

/** The final filesystem's folders with their sizes, keeping the children worth a box in a treemap. */
export function folderTree(root: TreeNode, opts: { minShare?: number; maxDepth?: number; maxChildren?: number } = {}): FolderNode {
  const minShare = opts.minShare ?? 0.005;
  const maxDepth = opts.maxDepth ?? 5;
  const maxChildren = opts.maxChildren ?? 14;
  const sizes = new Map<TreeNode, { size: number; files: number }>();
  const measure = (node: TreeNode): { size: number; files: number } => {
    let size = node.size;
    let files = node.kind === 'dir' ? 0 : 1;
    if (node.children) for (const c of node.children.values()) {
      const m = measure(c);
      size += m.size;
      files += m.files;
    }
    const r = { size, files };
    sizes.set(node, r);
    return r;
  };
  const total = measure(root).size || 1;
  const build = (node: TreeNode, path: string, depth: number): FolderNode => {
    const m = sizes.get(node)!;
    const out: FolderNode = { name: node.name || '/', path: path || '/', size: m.size, files: m.files };
    if (node.children && depth < maxDepth) {
      const kids = [...node.children.values()].filter((c) => sizes.get(c)!.size / total >= minShare).sort((a, b) => sizes.get(b)!.size - sizes.get(a)!.size);
      const shown = kids.slice(0, maxChildren);
      if (shown.length > 0) {
        out.children = shown.map((c) => build(c, `${path}/${c.name}`, depth + 1));
        const rest = m.size - node.size - out.children.reduce((a, c) => a + c.size, 0);
        if (rest / total >= minShare) out.children.push({ name: '(other)', path: `${path || ''}/(other)`, size: rest, files: 0 });
      }
    }
    return out;
  };
  return build(root, '', 0);
}

/** Only the image's layer digests, reading no layer (for a base image given as an archive). */
export async function archiveDiffIds(file: string, options: { platform?: Platform } = {}): Promise<string[]> {
  const scan = await scanArchive(file, { configOnly: true });
  return resolveImage(scan, options).config.rootfs?.diff_ids ?? [];
}
