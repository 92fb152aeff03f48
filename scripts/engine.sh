#!/usr/bin/env bash
# engine.sh: a Docker engine of the project's own for the real-engine tests, and stand-in base images
# built from Debian's packages (this network has no container registry, so FROM resolves only to
# images built here, tagged with the upstream names).
#
#   scripts/engine.sh up      install Debian's docker.io (and debootstrap) if missing, start an isolated
#                             dockerd under $STAGECRAFT_ENGINE_ROOT, print the DOCKER_HOST line
#   scripts/engine.sh bases   build the stand-in base images that are not there yet (--force: all)
#   scripts/engine.sh down    stop the dockerd this script started (by its pid)
#   scripts/engine.sh env     print the exports that point a shell at the engine
#
# STAGECRAFT_ENGINE_ROOT  data root, exec root, socket, pidfile and log (default /tmp/stagecraft-ci-engine)
# STAGECRAFT_DOCKERD_ARGS extra dockerd flags (e.g. "--bridge=br0 --iptables=false" beside another engine)
# STAGECRAFT_ENGINE_HOST  an engine that is already running: used as it is, never started or stopped here
# Must run as root (dockerd, debootstrap, chroot).
set -euo pipefail
ROOT=${STAGECRAFT_ENGINE_ROOT:-/tmp/stagecraft-ci-engine}
SOCK=$ROOT/docker.sock
export DOCKER_HOST=${STAGECRAFT_ENGINE_HOST:-unix://$SOCK}
D=/usr/bin/docker   # Debian's 20.10 client: BuildKit via DOCKER_BUILDKIT=1 without buildx
export DOCKER_BUILDKIT=1

# Every tag `bases` makes; `bases` does nothing when all of them are present.
BASE_TAGS=(
  debian:bookworm-slim debian:bookworm debian:12-slim debian:12
  node:20-bookworm-slim node:20-slim node:lts-slim node:20-bookworm node:20 node:lts
  oven/bun:1 oven/bun:1-slim oven/bun:1-debian oven/bun:latest oven/bun:slim
  python:3.11-slim python:3.11-slim-bookworm python:3-slim python:3.11-bookworm python:3.11
  golang:1.23-bookworm golang:1.23 golang:1.23.0
  gcr.io/distroless/static-debian12 gcr.io/distroless/static-debian12:nonroot gcr.io/distroless/static gcr.io/distroless/static:nonroot
  gcr.io/distroless/base-debian12 gcr.io/distroless/base-debian12:nonroot
  gcr.io/distroless/cc-debian12 gcr.io/distroless/cc-debian12:nonroot
  gcr.io/distroless/nodejs20-debian12 gcr.io/distroless/nodejs20-debian12:nonroot
  gcr.io/distroless/python3-debian12 gcr.io/distroless/python3-debian12:nonroot
)

log() { echo "engine.sh: $*" >&2; }

apt_install() {
  apt-get update -qq </dev/null >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null >/dev/null
}

up() {
  local need=()
  { command -v dockerd >/dev/null && [[ -x $D ]]; } || need+=(docker.io)
  command -v debootstrap >/dev/null || need+=(debootstrap)
  if [[ ${#need[@]} -gt 0 ]]; then log "installing ${need[*]}"; apt_install "${need[@]}"; fi
  if [[ -n ${STAGECRAFT_ENGINE_HOST:-} ]]; then
    $D info >/dev/null 2>&1 || { log "no engine answers at STAGECRAFT_ENGINE_HOST=$STAGECRAFT_ENGINE_HOST"; exit 1; }
    echo "DOCKER_HOST=$DOCKER_HOST"; return 0
  fi
  mkdir -p "$ROOT"
  if ! $D info >/dev/null 2>&1; then
    # setsid: its own session, so that a Ctrl-C in the caller does not reach it; stopped by pid in `down`.
    # shellcheck disable=SC2086
    setsid nohup dockerd --data-root "$ROOT/data" --exec-root "$ROOT/exec" -H "$DOCKER_HOST" \
      --pidfile "$ROOT/dockerd.pid" ${STAGECRAFT_DOCKERD_ARGS:-} >"$ROOT/dockerd.log" 2>&1 </dev/null &
    for _ in $(seq 120); do $D info >/dev/null 2>&1 && break; sleep 0.5; done
  fi
  if ! $D info >/dev/null 2>&1; then
    log "dockerd did not come up; the end of $ROOT/dockerd.log:"; tail -n 30 "$ROOT/dockerd.log" >&2 || true
    exit 1
  fi
  echo "DOCKER_HOST=$DOCKER_HOST"
}

down() {
  [[ -z ${STAGECRAFT_ENGINE_HOST:-} && -f $ROOT/dockerd.pid ]] || return 0
  local pid; pid=$(cat "$ROOT/dockerd.pid")
  kill "$pid" 2>/dev/null || { rm -f "$ROOT/dockerd.pid"; return 0; }
  # dockerd stops its containers and its containerd, then exits; give it time to unmount cleanly.
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then log "dockerd $pid still running after 30 s; sending SIGKILL"; kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$ROOT/dockerd.pid"
}

missing_bases() {
  local t; for t in "${BASE_TAGS[@]}"; do $D image inspect "$t" >/dev/null 2>&1 || echo "$t"; done
}

rootfs() { # $1 dir, rest: extra packages
  local dir=$1; shift
  local inc=""; [[ $# -gt 0 ]] && inc="--include=$(IFS=,; echo "$*")"
  rm -rf "$dir"
  # shellcheck disable=SC2086
  debootstrap --variant=minbase $inc bookworm "$dir" >/dev/null
  rm -rf "$dir"/usr/share/doc/* "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/var/lib/apt/lists/* \
    "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb "$dir"/var/log/*.log
  find "$dir"/usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} + 2>/dev/null || true
  # The host's trust store: this network's registries are reached through its CA. Kept in
  # /usr/local/share/ca-certificates too, so that a later update-ca-certificates keeps it.
  mkdir -p "$dir"/etc/ssl/certs "$dir"/usr/local/share/ca-certificates
  cp /etc/ssl/certs/ca-certificates.crt "$dir"/etc/ssl/certs/ca-certificates.crt
  cp /etc/ssl/certs/ca-certificates.crt "$dir"/usr/local/share/ca-certificates/host-bundle.crt
}

import_rootfs() { # $1 dir, $2.. tags; image config from the CHANGES array
  local dir=$1; shift; local first=$1
  tar -C "$dir" -c . | $D import "${CHANGES[@]/#/--change=}" - "$first" >/dev/null
  shift; local t; for t in "$@"; do $D tag "$first" "$t"; done
}

bases() {
  if [[ ${1:-} != --force ]] && [[ -z $(missing_bases) ]]; then log "stand-in base images present; nothing to build"; return 0; fi
  log "building stand-in base images (about three minutes)"
  local W=$ROOT/bases; mkdir -p "$W"
  local CA=/etc/ssl/certs/ca-certificates.crt
  # debian slim
  CHANGES=('CMD ["bash"]'); rootfs "$W/debian"
  import_rootfs "$W/debian" debian:bookworm-slim debian:bookworm debian:12-slim debian:12
  # node: the host's Node.js 20 binary and npm/corepack on Debian slim
  local N=$W/node-ctx; rm -rf "$N"; mkdir -p "$N"
  local nodebin; nodebin=$(readlink -f "$(command -v node)")
  local nodelib; nodelib=$(dirname "$(dirname "$nodebin")")/lib/node_modules
  cp "$nodebin" "$N/node"; cp -a "$nodelib/npm" "$N/npm"; cp -a "$nodelib/corepack" "$N/corepack"
  cat > "$N/Dockerfile" <<'DF'
FROM debian:bookworm-slim
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY corepack /usr/local/lib/node_modules/corepack
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack \
 && groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/sh node
# COREPACK_INTEGRITY_KEYS=0: this network's registry mirror strips the signatures Corepack checks
ENV NODE_VERSION=20 NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt COREPACK_INTEGRITY_KEYS=0
CMD ["node"]
DF
  $D build -q -t node:20-bookworm-slim "$N" >/dev/null
  for t in node:20-slim node:lts-slim; do $D tag node:20-bookworm-slim $t; done
  # the full tags carry a toolchain, as the upstream ones do (buildpack-deps: gcc, make, python3, git, curl)
  printf 'FROM node:20-bookworm-slim\nRUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends build-essential python3 git curl ca-certificates procps >/dev/null && rm -rf /var/lib/apt/lists/*\n' > "$N/Dockerfile.full"
  $D build -q -t node:20-bookworm -f "$N/Dockerfile.full" "$N" >/dev/null
  for t in node:20 node:lts; do $D tag node:20-bookworm $t; done
  # bun: the real binary, from the npm registry package @oven/bun-linux-x64
  local B=$W/bun-ctx; rm -rf "$B"; mkdir -p "$B"
  (cd "$B" && echo '{"name":"bun-ctx","private":true}' > package.json \
    && npm install --no-save --no-audit --no-fund --silent @oven/bun-linux-x64@1 >/dev/null \
    && cp node_modules/@oven/bun-linux-x64/bin/bun ./bun && rm -rf node_modules package*.json)
  cat > "$B/Dockerfile" <<'DF'
FROM debian:bookworm-slim
COPY bun /usr/local/bin/bun
RUN ln -s bun /usr/local/bin/bunx && groupadd -g 1000 bun && useradd -u 1000 -g bun -m -s /bin/sh bun && mkdir -p /home/bun/app && chown bun:bun /home/bun/app
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
WORKDIR /home/bun/app
CMD ["bun"]
DF
  $D build -q -t oven/bun:1 "$B" >/dev/null
  for t in oven/bun:1-slim oven/bun:1-debian oven/bun:latest oven/bun:slim; do $D tag oven/bun:1 $t; done
  # python: Debian's 3.11, pip without the EXTERNALLY-MANAGED marker (as in the upstream images)
  CHANGES=('ENV PYTHONDONTWRITEBYTECODE=1' 'CMD ["python3"]')
  rootfs "$W/python" python3 python3-venv python3-pip python-is-python3
  rm -f "$W"/python/usr/lib/python3.11/EXTERNALLY-MANAGED
  import_rootfs "$W/python" python:3.11-slim python:3.11-slim-bookworm python:3-slim
  printf 'FROM python:3.11-slim\nRUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends build-essential python3-dev git curl >/dev/null && rm -rf /var/lib/apt/lists/*\n' | $D build -q -t python:3.11-bookworm - >/dev/null
  $D tag python:3.11-bookworm python:3.11
  # golang 1.23 from Debian backports (the suite added inside the rootfs for the install, then removed)
  CHANGES=('ENV PATH=/usr/lib/go-1.23/bin:/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' 'ENV GOPATH=/go' 'ENV GOTOOLCHAIN=local' 'WORKDIR /go')
  rootfs "$W/go" ca-certificates git gcc libc6-dev
  echo "deb $(awk '/^deb /{print $2; exit}' "$W/go/etc/apt/sources.list") bookworm-backports main" > "$W/go/etc/apt/sources.list.d/bpo.list"
  cp /etc/resolv.conf "$W/go/etc/resolv.conf"
  chroot "$W/go" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t bookworm-backports golang-1.23-go >/dev/null && rm -rf /var/lib/apt/lists/*' </dev/null
  rm -f "$W/go/etc/apt/sources.list.d/bpo.list"; mkdir -p "$W/go/go"
  cp "$CA" "$W/go/etc/ssl/certs/ca-certificates.crt"
  import_rootfs "$W/go" golang:1.23-bookworm golang:1.23 golang:1.23.0
  # distroless stand-ins: static, base, cc, nodejs20, python3 (files taken from the Debian rootfs)
  local S=$W/static; rm -rf "$S"; mkdir -p "$S"/{etc/ssl/certs,usr/share,tmp,home/nonroot,root,var}
  chmod 1777 "$S/tmp"; cp "$CA" "$S/etc/ssl/certs/"; cp -a "$W/python/usr/share/zoneinfo" "$S/usr/share/" 2>/dev/null || true
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$S/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n' > "$S/etc/group"
  printf 'hosts: files dns\n' > "$S/etc/nsswitch.conf"; chown 65532:65532 "$S/home/nonroot"
  CHANGES=(); import_rootfs "$S" gcr.io/distroless/static-debian12 gcr.io/distroless/static-debian12:latest gcr.io/distroless/static gcr.io/distroless/static:latest
  CHANGES=('USER 65532:65532' 'WORKDIR /home/nonroot'); import_rootfs "$S" gcr.io/distroless/static-debian12:nonroot gcr.io/distroless/static:nonroot
  local BS=$W/base; rm -rf "$BS"; cp -a "$S" "$BS"; mkdir -p "$BS"/usr/lib/x86_64-linux-gnu "$BS"/lib64
  local f
  for f in "$W"/python/usr/lib/x86_64-linux-gnu/{libc.so*,libm.so*,libdl.so*,libpthread.so*,librt.so*,libresolv.so*,libnss_*,libssl.so*,libcrypto.so*,ld-linux-x86-64.so*}; do [[ -e $f ]] && cp -a "$f" "$BS/usr/lib/x86_64-linux-gnu/"; done
  ln -sf ../usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$BS/lib64/ld-linux-x86-64.so.2"; ln -sfn usr/lib "$BS/lib"
  CHANGES=(); import_rootfs "$BS" gcr.io/distroless/base-debian12 gcr.io/distroless/base-debian12:latest
  CHANGES=('USER 65532:65532' 'WORKDIR /home/nonroot'); import_rootfs "$BS" gcr.io/distroless/base-debian12:nonroot
  local CC=$W/cc; rm -rf "$CC"; cp -a "$BS" "$CC"
  for f in "$W"/python/usr/lib/x86_64-linux-gnu/{libgcc_s.so*,libstdc++.so*}; do [[ -e $f ]] && cp -a "$f" "$CC/usr/lib/x86_64-linux-gnu/"; done
  CHANGES=(); import_rootfs "$CC" gcr.io/distroless/cc-debian12 gcr.io/distroless/cc-debian12:latest
  CHANGES=('USER 65532:65532' 'WORKDIR /home/nonroot'); import_rootfs "$CC" gcr.io/distroless/cc-debian12:nonroot
  local NJ=$W/nodejs; rm -rf "$NJ"; cp -a "$CC" "$NJ"; mkdir -p "$NJ/nodejs/bin"; cp "$nodebin" "$NJ/nodejs/bin/node"
  CHANGES=('ENTRYPOINT ["/nodejs/bin/node"]' 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt'); import_rootfs "$NJ" gcr.io/distroless/nodejs20-debian12 gcr.io/distroless/nodejs20-debian12:latest
  CHANGES=('ENTRYPOINT ["/nodejs/bin/node"]' 'USER 65532:65532' 'WORKDIR /home/nonroot'); import_rootfs "$NJ" gcr.io/distroless/nodejs20-debian12:nonroot
  local PY=$W/py3; rm -rf "$PY"; cp -a "$CC" "$PY"
  mkdir -p "$PY/usr/bin" "$PY/usr/lib"; cp -a "$W"/python/usr/bin/python3.11 "$PY/usr/bin/"; ln -sf python3.11 "$PY/usr/bin/python3"; ln -sf python3.11 "$PY/usr/bin/python"
  cp -a "$W"/python/usr/lib/python3.11 "$PY/usr/lib/"; rm -rf "$PY/usr/lib/python3.11/test"
  for f in "$W"/python/usr/lib/x86_64-linux-gnu/{libz.so*,libexpat.so*,libffi.so*,libbz2.so*,liblzma.so*,libsqlite3.so*,libuuid.so*,libreadline.so*,libtinfo.so*,libmpdec.so*}; do [[ -e $f ]] && cp -a "$f" "$PY/usr/lib/x86_64-linux-gnu/"; done
  CHANGES=('ENTRYPOINT ["/usr/bin/python3.11"]'); import_rootfs "$PY" gcr.io/distroless/python3-debian12 gcr.io/distroless/python3-debian12:latest
  CHANGES=('ENTRYPOINT ["/usr/bin/python3.11"]' 'USER 65532:65532' 'WORKDIR /home/nonroot'); import_rootfs "$PY" gcr.io/distroless/python3-debian12:nonroot
  # scratch needs nothing; alpine cannot be made here (no Alpine packages reachable)
  rm -rf "$W"   # the rootfs folders are in the images now
  local left; left=$(missing_bases)
  if [[ -n $left ]]; then log "still missing after the build: $left"; exit 1; fi
  log "stand-in base images built"
}

case "${1:-}" in
  up) up ;;
  bases) up >/dev/null; bases "${2:-}" ;;
  down) down ;;
  env) echo "export DOCKER_HOST=$DOCKER_HOST DOCKER_BUILDKIT=1 STAGECRAFT_DOCKER=$D" ;;
  *) echo "usage: $0 up|bases [--force]|down|env" >&2; exit 2 ;;
esac
