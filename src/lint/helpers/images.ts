import { isScratch, parseImageRef } from '../../dockerfile/index.js';

/**
 * Images whose default tag carries a build toolchain (compilers, headers, package managers):
 * fine to build on, heavy and exposed to ship.
 */
export function toolchainImage(base: string): string | undefined {
  if (base.includes('$')) return undefined;
  const ref = parseImageRef(base.toLowerCase());
  const repo = ref.repository.replace(/^library\//, '');
  const tag = ref.tag ?? 'latest';
  const slimTag = /(slim|alpine|distroless|minimal|chiseled|runtime|jre|bookworm-slim|bullseye-slim)/.test(tag);
  if (repo === 'golang') return 'golang (the Go toolchain)';
  if (repo === 'rust') return 'rust (the Rust toolchain)';
  if (repo === 'gcc' || repo === 'buildpack-deps') return `${repo} (compilers and headers)`;
  if (repo === 'maven' || repo === 'gradle') return `${repo} (a Java build tool and JDK)`;
  if (repo === 'mcr.microsoft.com/dotnet/sdk' || (ref.registry === 'mcr.microsoft.com' && repo === 'dotnet/sdk')) return 'dotnet/sdk (the .NET SDK)';
  if ((repo === 'node' || repo === 'python' || repo === 'ruby' || repo === 'oven/bun' || repo === 'openjdk' || repo === 'eclipse-temurin' || repo === 'php') && !slimTag) {
    if ((repo === 'eclipse-temurin' || repo === 'openjdk') && !/jdk/.test(tag)) return undefined;
    if (repo === 'oven/bun') return undefined; // bun's full image is the runtime too; no separate slim variant of the same weight
    // php has no -slim tags: its Debian variants keep gcc, make and the phpize headers, the -alpine ones do not.
    if (repo === 'php') return `${repo}:${tag} (the Debian variant keeps gcc, make and the phpize build headers; use the -alpine variant of the same tag)`;
    return `${repo}:${tag} (the full image with compilers and build headers; use a -slim tag or distroless)`;
  }
  return undefined;
}

/** True when the image is known to start as a non-root user. */
export function defaultUserIsNonRoot(base: string): boolean {
  const b = base.toLowerCase();
  const ref = parseImageRef(b);
  const tag = ref.tag ?? '';
  if (/(^|-)nonroot($|-)/.test(tag)) return true;
  if (ref.registry === 'cgr.dev') return !tag.includes('-dev');
  if (/^bitnami\//.test(ref.repository)) return true;
  // nginx's own unprivileged build runs as uid 101 (nginxinc/nginx-unprivileged, also on ghcr.io).
  if (/(^|\/)nginx-unprivileged$/.test(ref.repository)) return true;
  return false;
}

/** Scratch or a distroless "static" image: nothing but what is copied in (no libc). */
export function isStaticBase(base: string): boolean {
  if (isScratch(base)) return true;
  const ref = parseImageRef(base.toLowerCase());
  return /distroless\/static/.test(ref.repository) || /chainguard\/static/.test(ref.repository);
}

export function isAlpine(base: string): boolean {
  const ref = parseImageRef(base.toLowerCase());
  return ref.repository.endsWith('alpine') || (ref.tag ?? '').includes('alpine');
}

/** True when the image has no /bin/sh: scratch, distroless (except its :debug tags), Chainguard static. */
export function hasNoShell(base: string): boolean {
  if (base.includes('$')) return false;
  if (isScratch(base)) return true;
  const ref = parseImageRef(base.toLowerCase());
  if (ref.repository.startsWith('distroless/') || ref.repository.includes('/distroless/')) return !/debug/.test(ref.tag ?? '');
  return /chainguard\/static/.test(ref.repository);
}

/** Download tools an image is known to lack (`undefined` when unknown): health checks often call them. */
export function missingTools(base: string): Set<string> | undefined {
  if (base.includes('$')) return undefined;
  if (hasNoShell(base)) return new Set(['curl', 'wget']);
  const ref = parseImageRef(base.toLowerCase());
  const tag = ref.tag ?? '';
  if (isAlpine(base)) return new Set(['curl']); // busybox provides wget
  if (/(^|-)slim(-|$)/.test(tag) && /^(node|python|ruby|php|debian|oven\/bun|perl)$/.test(ref.repository.replace(/^library\//, ''))) return new Set(['curl', 'wget']);
  return undefined;
}
