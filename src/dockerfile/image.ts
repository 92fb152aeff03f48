/** Splits an image reference (`ghcr.io/org/app:1.2@sha256:...`) into its parts. */
export interface ImageRef {
  raw: string;
  /** Registry host when the reference names one (`ghcr.io`, `localhost:5000`); `undefined` = Docker Hub. */
  registry: string | undefined;
  /** Repository path without registry (`library/node` is written `node`). */
  repository: string;
  /** Last path component (`node`, `static-debian12`). */
  name: string;
  tag: string | undefined;
  digest: string | undefined;
}

export function parseImageRef(raw: string): ImageRef {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  return { raw, registry, repository: rest, name, tag, digest };
}

/** The registry a reference pulls from, with Docker Hub spelled `docker.io`. */
export function registryOf(ref: ImageRef): string {
  return ref.registry ?? 'docker.io';
}

export function isScratch(base: string): boolean {
  return base.trim().toLowerCase() === 'scratch';
}
