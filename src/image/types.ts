// The data an image analysis produces: plain JSON-able values, formatted at the edge.

export type EntryKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** One entry of a layer tar, path normalised (no leading `./` or `/`, no trailing `/`). */
export interface LayerEntry {
  path: string;
  kind: EntryKind;
  /** Header size: the bytes of a regular file, 0 for everything else. */
  size: number;
  linkname?: string;
  mode?: number;
  /** `.wh.<name>` deletes `path`; `.wh..wh..opq` (opaque) hides the lower children of the directory `path`. */
  whiteout?: 'file' | 'opaque';
}

export type Compression = 'gzip' | 'zstd' | 'none';

/** A layer tar read from the archive: its entries (metadata only) and its byte counts. */
export interface ParsedLayer {
  entries: LayerEntry[];
  compression: Compression;
  /** Bytes of the blob as stored in the archive. */
  blobBytes: number;
  /** Bytes of the uncompressed tar stream. */
  tarBytes: number;
  /** Sum of regular-file sizes (hard links count 0: they share the first copy's bytes). */
  regularBytes: number;
  /** Sum of symlink target lengths (what `lstat` reports for a symlink). */
  symlinkBytes: number;
  /** Contents of the few small files the analysis reads (package.json, ...), by entry path. */
  captured: Map<string, Buffer>;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface HistoryItem {
  created?: string;
  createdBy: string;
  comment?: string;
  emptyLayer: boolean;
}

export interface LayerInfo {
  index: number;
  /** The uncompressed layer digest (`rootfs.diff_ids`, as in `docker image inspect` RootFS.Layers). */
  digest: string;
  /** Digest of the blob in the archive (compressed for compressed layers). */
  blobDigest?: string;
  mediaType?: string;
  compression: Compression;
  /** Bytes as the engine counts them (`docker history`): see engineLayerSize. */
  size: number;
  /** Bytes of the uncompressed tar, and of the blob as stored. */
  tarBytes: number;
  blobBytes: number;
  /** Sum of regular-file bytes in this layer (what the waste figures count). */
  contentBytes: number;
  createdBy: string;
  created?: string;
  comment?: string;
  /** Whether the layer came from the base image (see ImageReport.base). */
  fromBase: boolean;
  files: number;
  whiteouts: number;
}

export interface ConfigSummary {
  user: string;
  /** true when no user is set or it is root / 0. */
  runsAsRoot: boolean;
  entrypoint: string[] | null;
  cmd: string[] | null;
  workdir: string;
  /** `KEY=value`, values of secret-looking variables replaced by `***`. */
  env: string[];
  maskedEnv: string[];
  exposedPorts: string[];
  healthcheck: { test: string[]; interval?: number; timeout?: number; retries?: number } | null;
  labels: Record<string, string>;
  os: string;
  architecture: string;
  variant?: string;
  created?: string;
}

export interface FileRecord {
  path: string;
  kind: EntryKind;
  size: number;
  layer: number;
  linkname?: string;
}

/** A folder of the final filesystem with its total bytes, and its largest children (for the treemap). */
export interface FolderNode {
  name: string;
  path: string;
  size: number;
  files: number;
  children?: FolderNode[];
}

export interface WasteFigures {
  /** kept / all copies; 1 when the image holds no bytes. */
  efficiency: number;
  wastedBytes: number;
  /** wasted / user layer bytes (null when the user layers add no bytes but waste some). */
  userWastedPercent: number | null;
  /** Bytes the denominators use. */
  totalBytes: number;
  userBytes: number;
}

export interface WastedPath {
  path: string;
  copies: number;
  bytes: number;
}

export interface WasteReport {
  /** dive's formulas, for thresholds people already use. */
  dive: WasteFigures & { label: string; inefficient: WastedPath[] };
  /** stagecraft's: opaque whiteouts honoured, only reclaimable bytes, every base-image layer as base. */
  stagecraft: WasteFigures & { label: string; reclaimable: WastedPath[] };
}

export type Severity = 'error' | 'warning' | 'note';

export interface Finding {
  /** Stable id: env-file, private-key, credentials-file, git-folder, package-cache, compiler, test-folder, dev-dependency, leaked-build-arg. */
  code: string;
  severity: Severity;
  message: string;
  path?: string;
  bytes?: number;
  layer?: number;
  /** The finding lies in a base-image layer (not the user's to fix in this Dockerfile). */
  inBase?: boolean;
}

export interface BaseInfo {
  /** Number of layers counted as the base image. */
  layers: number;
  /** How it was decided. */
  source: 'given' | 'history-cmd' | 'history-timestamps' | 'first-layer';
}

export interface ImageReport {
  name: string;
  /** Bytes, uncompressed, as `docker image inspect` counts them (the sum of the layers' sizes). */
  size: number;
  /** Bytes of the files in the final filesystem (regular files). */
  filesystemBytes: number;
  fileCount: number;
  archiveLayout: 'docker' | 'oci';
  platform: Platform;
  config: ConfigSummary;
  user: string;
  layers: LayerInfo[];
  history: HistoryItem[];
  base: BaseInfo;
  /** dive-compatible figures, at the top level for --json consumers. */
  efficiency: number;
  wastedBytes: number;
  userWastedPercent: number | null;
  waste: WasteReport;
  largestFiles: FileRecord[];
  folders: FolderNode;
  findings: Finding[];
  files?: FileRecord[];
}
