import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How a fake `docker` binary behaves (a shell script written to a temp folder). */
export interface FakeDocker {
  clientVersion: string;
  buildx?: boolean;
  /** Docker 23+ without buildx: `DOCKER_BUILDKIT=1 docker build` refuses. */
  buildkitMissing?: boolean;
  /** No engine answers. */
  engineDown?: boolean;
  /** What `build` prints (to stderr, as docker does) and its exit code. */
  buildLog?: string;
  buildExit?: number;
  /** `image inspect --format {{json .}}` output per image name; others: "No such image". */
  images?: Record<string, { inspect: object; history: object[] }>;
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Writes `<dir>/docker` and returns the folder (to put on PATH). Every call is logged to `<dir>/calls.log`. */
export function writeFakeDocker(spec: FakeDocker, dir = mkdtempSync(join(tmpdir(), 'stagecraft-fake-docker-'))): string {
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  if (spec.buildLog !== undefined) writeFileSync(join(data, 'build.log'), spec.buildLog);
  const imageCases: string[] = [];
  for (const [name, img] of Object.entries(spec.images ?? {})) {
    const key = name.replace(/[^a-zA-Z0-9]/g, '_');
    writeFileSync(join(data, `${key}.inspect`), `${JSON.stringify(img.inspect)}\n`);
    writeFileSync(join(data, `${key}.history`), img.history.map((h) => JSON.stringify(h)).join('\n') + '\n');
    imageCases.push(`    ${shQuote(name)}) key=${key} ;;`);
  }
  const down = 'echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1';
  const script = `#!/bin/sh
echo "$*" >> ${shQuote(join(dir, 'calls.log'))}
last=""; for a in "$@"; do last="$a"; done
image_key() {
  key=""
  case "$1" in
${imageCases.join('\n')}
  esac
}
case "$1" in
  buildx)
    ${spec.buildx ? `if [ "$2" = version ]; then echo "github.com/docker/buildx v0.17.1"; exit 0; fi
    shift; shift;` : `echo "docker: unknown command: docker buildx" >&2; exit 1`}
    ;;
  version)
    case "$*" in
      *Server*) ${spec.engineDown ? down : 'echo "20.10.24"; exit 0'} ;;
      *) echo ${shQuote(spec.clientVersion)}; ${spec.engineDown ? down : 'exit 0'} ;;
    esac
    ;;
  build)
    ${spec.buildkitMissing ? `if [ "$DOCKER_BUILDKIT" = 1 ]; then echo "ERROR: BuildKit is enabled but the buildx component is missing or broken." >&2; exit 1; fi` : ''}
    if [ "$2" = --help ]; then echo "Usage:  docker build [OPTIONS] PATH | URL | -"; exit 0; fi
    ;;
  image)
    ${spec.engineDown ? down : ''}
    image_key "$last"
    if [ -z "$key" ]; then echo "Error: No such image: $last" >&2; exit 1; fi
    case "$2" in
      inspect) case "$*" in *'{{.Id}}'*) echo "sha256:fake"; exit 0 ;; esac; cat ${shQuote(data)}/"$key".inspect; exit 0 ;;
      history) cat ${shQuote(data)}/"$key".history; exit 0 ;;
    esac
    ;;
  save|push) exit 0 ;;
esac
# a build (classic, or buildx after the shift above)
case "$*" in
  *--progress=plain*)
    ${spec.engineDown ? down : ''}
    ${spec.buildLog !== undefined ? `cat ${shQuote(join(data, 'build.log'))} >&2` : ''}
    exit ${spec.buildExit ?? 0}
    ;;
esac
echo "fake docker: unexpected: $*" >&2
exit 99
`;
  const bin = join(dir, 'docker');
  writeFileSync(bin, script);
  chmodSync(bin, 0o755);
  return dir;
}
