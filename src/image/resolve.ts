import { UserError, ExitCode } from '../util/errors.js';
import type { ArchiveScan } from './archive.js';
import type { Platform } from './types.js';

/** The image config as written by Docker/BuildKit (the fields read here). */
export interface ImageConfigJson {
  architecture?: string;
  os?: string;
  variant?: string;
  created?: string;
  config?: {
    User?: string;
    Env?: string[] | null;
    Entrypoint?: string[] | null;
    Cmd?: string[] | null;
    WorkingDir?: string;
    ExposedPorts?: Record<string, unknown> | null;
    Labels?: Record<string, string> | null;
    Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; Retries?: number } | null;
  };
  rootfs?: { type?: string; diff_ids?: string[] };
  history?: { created?: string; created_by?: string; comment?: string; empty_layer?: boolean }[];
}

export interface ResolvedLayer {
  /** Path of the layer blob inside the archive. */
  path: string;
  diffId: string;
  blobDigest?: string;
  mediaType?: string;
}

export interface ResolvedImage {
  layout: 'docker' | 'oci';
  config: ImageConfigJson;
  layers: ResolvedLayer[];
  repoTags: string[];
  platform: Platform;
}

interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

const indexTypes = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

export function parsePlatform(text: string): Platform {
  const [os, architecture, variant] = text.split('/');
  if (!os || !architecture) throw new UserError(`--platform ${text}: expected os/arch[/variant], e.g. linux/amd64`, ExitCode.usage);
  return variant ? { os, architecture, variant } : { os, architecture };
}

/** The platform this machine runs, in OCI terms. */
export function hostPlatform(): Platform {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  return { os: 'linux', architecture: arch[process.arch] ?? process.arch };
}

export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

function blobPath(digest: string): string {
  const [alg, hex] = digest.split(':');
  return `blobs/${alg}/${hex}`;
}

function platformMatches(d: Descriptor, want: Platform): boolean {
  return d.platform?.os === want.os && d.platform?.architecture === want.architecture && (!want.variant || d.platform?.variant === want.variant);
}

function isAttestation(d: Descriptor): boolean {
  return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown');
}

function incomplete(what: string): never {
  throw new UserError(`the archive is incomplete: ${what}`, ExitCode.usage, undefined, undefined, 'save it again with `docker save -o image.tar IMAGE`');
}

export interface ResolveOptions {
  /** The platform wanted from a multi-platform index; default: the only one, else the host's. */
  platform?: Platform;
  /** Pick the image with this tag when the archive holds several. */
  tag?: string;
}

/** Finds the image's config and its layers bottom to top: OCI index (nested indexes included) first, else classic manifest.json. */
export function resolveImage(scan: ArchiveScan, options: ResolveOptions = {}): ResolvedImage {
  if (scan.json.has('index.json')) return resolveOci(scan, options);
  if (scan.json.has('manifest.json')) return resolveClassic(scan, options);
  if (scan.layers.size > 0 || scan.broken.size > 0) incomplete('it holds layers but no manifest.json or index.json (was it cut short?)');
  throw new UserError('not an image archive: it has neither index.json nor manifest.json', ExitCode.usage, undefined, undefined, 'expected the output of `docker save`');
}

function resolveClassic(scan: ArchiveScan, options: ResolveOptions): ResolvedImage {
  const manifest = scan.json.get('manifest.json') as { Config: string; RepoTags?: string[] | null; Layers: string[] }[];
  if (!Array.isArray(manifest) || manifest.length === 0) incomplete('manifest.json lists no image');
  const entry = (options.tag && manifest.find((m) => m.RepoTags?.includes(options.tag!))) || manifest[0]!;
  const config = scan.json.get(entry.Config.replace(/^\.\//, '')) as ImageConfigJson | undefined;
  if (!config) incomplete(`config ${entry.Config} is missing`);
  const diffIds = config.rootfs?.diff_ids ?? [];
  const layers = entry.Layers.map((path, i) => ({ path, diffId: diffIds[i] ?? '', blobDigest: path.startsWith('blobs/') ? path.replace(/^blobs\/([^/]+)\//, '$1:') : undefined }));
  const platform = platformOf(config);
  // A classic archive holds one image per tag: an explicit --platform that is not it is an error, not ignored.
  if (options.platform && !(platform.os === options.platform.os && platform.architecture === options.platform.architecture && (!options.platform.variant || platform.variant === options.platform.variant))) {
    throw new UserError(`the archive has no image for ${formatPlatform(options.platform)} (it has: ${formatPlatform(platform)})`, ExitCode.usage, undefined, undefined, 'choose one with --platform, or save that platform\'s image');
  }
  return { layout: 'docker', config, layers, repoTags: entry.RepoTags ?? [], platform };
}

function platformOf(config: ImageConfigJson): Platform {
  const p: Platform = { os: config.os ?? 'linux', architecture: config.architecture ?? 'unknown' };
  if (config.variant) p.variant = config.variant;
  return p;
}

function resolveOci(scan: ArchiveScan, options: ResolveOptions): ResolvedImage {
  const index = scan.json.get('index.json') as { manifests?: Descriptor[] };
  let candidates = (index.manifests ?? []).filter((d) => !isAttestation(d));
  if (options.tag) {
    const tagged = candidates.filter((d) => {
      const a = d.annotations ?? {};
      return a['io.containerd.image.name'] === options.tag || a['org.opencontainers.image.ref.name'] === options.tag || a['io.containerd.image.name']?.endsWith(`/${options.tag}`);
    });
    if (tagged.length > 0) candidates = tagged;
  }
  const manifest = chooseManifest(scan, candidates, options.platform, 0);
  const mf = manifest.doc as { config?: Descriptor; layers?: Descriptor[] };
  if (!mf.config) incomplete(`manifest ${manifest.digest} has no config`);
  const config = scan.json.get(blobPath(mf.config.digest)) as ImageConfigJson | undefined;
  if (!config) incomplete(`config blob ${mf.config.digest} is missing`);
  const diffIds = config.rootfs?.diff_ids ?? [];
  const layers = (mf.layers ?? []).map((d, i) => ({ path: blobPath(d.digest), diffId: diffIds[i] ?? '', blobDigest: d.digest, mediaType: d.mediaType }));
  const tags = candidates.map((d) => d.annotations?.['io.containerd.image.name'] ?? d.annotations?.['org.opencontainers.image.ref.name']).filter((t): t is string => !!t);
  return { layout: 'oci', config, layers, repoTags: tags, platform: manifest.platform ?? platformOf(config) };
}

function chooseManifest(scan: ArchiveScan, descriptors: Descriptor[], want: Platform | undefined, depth: number): { doc: unknown; digest: string; platform?: Platform } {
  if (depth > 8) incomplete('indexes nest too deeply');
  if (descriptors.length === 0) incomplete('the index lists no image manifest');
  // Expand nested indexes first, so the platform choice sees every image manifest.
  const flat: { d: Descriptor; doc: unknown }[] = [];
  for (const d of descriptors) {
    const doc = scan.json.get(blobPath(d.digest)) as { mediaType?: string; manifests?: Descriptor[] } | undefined;
    if (!doc) {
      if (descriptors.length === 1) incomplete(`blob ${d.digest} is missing`);
      continue;
    }
    const isIndex = indexTypes.has(d.mediaType ?? '') || indexTypes.has(doc.mediaType ?? '') || Array.isArray(doc.manifests);
    if (isIndex) {
      const inner = (doc.manifests ?? []).filter((m) => !isAttestation(m));
      const picked = chooseManifest(scan, inner, want, depth + 1);
      flat.push({ d: { ...d, digest: picked.digest, platform: picked.platform ?? d.platform }, doc: picked.doc });
    } else flat.push({ d, doc });
  }
  if (flat.length === 0) incomplete('no image manifest of the index is in the archive');
  const platformOfD = (d: Descriptor): Platform | undefined =>
    d.platform?.os && d.platform.architecture ? { os: d.platform.os, architecture: d.platform.architecture, ...(d.platform.variant ? { variant: d.platform.variant } : {}) } : undefined;
  if (want) {
    const hit = flat.find((f) => platformMatches(f.d, want));
    if (hit) return { doc: hit.doc, digest: hit.d.digest, platform: platformOfD(hit.d) };
    const unplatformed = flat.filter((f) => !f.d.platform);
    if (unplatformed.length === flat.length && flat.length === 1) return { doc: flat[0]!.doc, digest: flat[0]!.d.digest };
    const available = flat.map((f) => (f.d.platform ? formatPlatform(platformOfD(f.d)!) : 'unspecified')).join(', ');
    throw new UserError(`the archive has no image for ${formatPlatform(want)} (it has: ${available})`, ExitCode.usage, undefined, undefined, 'choose one with --platform');
  }
  if (flat.length === 1) return { doc: flat[0]!.doc, digest: flat[0]!.d.digest, platform: platformOfD(flat[0]!.d) };
  const host = hostPlatform();
  const hit = flat.find((f) => platformMatches(f.d, host)) ?? flat[0]!;
  return { doc: hit.doc, digest: hit.d.digest, platform: platformOfD(hit.d) };
}
