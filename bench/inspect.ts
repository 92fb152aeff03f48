// `npm run bench:inspect`: generates a ~1 GB image archive on disk (130,000 files in five layers,
// 10,000 of them overwritten, folders deleted and hidden by an opaque marker), as a classic
// `docker save` tar (plain layers) and as an OCI layout with gzip layers, then times
// `stagecraft inspect --json` on each in a child process and records its peak RSS
// (/usr/bin/time -v), next to the floor of reading the file (`cat`) in the same run.
// Writes bench/results/inspect.json and .md.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import tarStream from 'tar-stream';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(repo, 'bench/.work/inspect');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SPEC_VERSION = `v1-scale${SCALE}`;

/** Half words, half random bytes: gzip shrinks it about as much as real image layers (2-3x). */
function makeFiller(size: number): Buffer {
  const text = makeWords(size);
  const noise = randomBytes(size);
  for (let at = 0; at < size; at += 4096) noise.copy(text, at, at, Math.min(at + 2048, size));
  return text;
}

function makeWords(size: number): Buffer {
  const words = Array.from({ length: 4096 }, () => randomBytes(2 + (randomBytes(1)[0]! % 8)).toString('hex'));
  const parts: string[] = [];
  let n = 0;
  let seed = 7;
  while (n < size) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const w = words[seed % words.length]!;
    parts.push(w);
    n += w.length + 1;
  }
  return Buffer.from(parts.join(' ')).subarray(0, size);
}
const filler = makeFiller(16 * 1024 * 1024);
let fillerAt = 0;
function content(size: number): Buffer {
  if (fillerAt + size > filler.length) fillerAt = 0;
  const b = filler.subarray(fillerAt, fillerAt + size);
  fillerAt += size;
  return b;
}

type Entry = { name: string; size?: number; type?: 'file' | 'directory' };

/** The five layers: a base, dependencies, assets, a layer that overwrites and deletes, a build output. */
function* layerEntries(i: number): Generator<Entry> {
  const n = (x: number) => Math.round(x * SCALE);
  const size = (k: number, avg: number) => Math.max(1, Math.round(avg * (0.2 + ((k * 2654435761) % 1000) / 625)));
  if (i === 0) {
    for (let p = 0; p < 300; p++) {
      yield { name: `usr/lib/pkg${p}/`, type: 'directory' };
      for (let f = 0; f < n(100); f++) yield { name: `usr/lib/pkg${p}/file${f}.so`, size: size(p * 100 + f, 10_000) };
    }
  } else if (i === 1) {
    for (let p = 0; p < 600; p++) {
      yield { name: `app/node_modules/pkg-${p}/`, type: 'directory' };
      for (let f = 0; f < n(100); f++) yield { name: `app/node_modules/pkg-${p}/lib/f${f}.js`, size: size(p * 7 + f, 3_000) };
    }
  } else if (i === 2) {
    yield { name: 'app/assets/', type: 'directory' };
    for (let f = 0; f < n(40); f++) yield { name: `app/assets/video${f}.bin`, size: 5_000_000 };
  } else if (i === 3) {
    for (let p = 0; p < 100; p++) for (let f = 0; f < n(100); f++) yield { name: `usr/lib/pkg${p}/file${f}.so`, size: size(p * 100 + f, 10_000) };
    for (let p = 0; p < 100; p++) yield { name: `app/node_modules/.wh.pkg-${p}`, size: 0 };
    yield { name: 'usr/lib/pkg200/', type: 'directory' };
    yield { name: 'usr/lib/pkg200/.wh..wh..opq', size: 0 };
    yield { name: 'usr/lib/pkg200/new.so', size: 1000 };
  } else {
    yield { name: 'app/dist/', type: 'directory' };
    for (let f = 0; f < n(2000); f++) yield { name: `app/dist/chunk${f}.js`, size: 100_000 };
  }
}

async function writeLayer(i: number, file: string): Promise<{ files: number; bytes: number }> {
  const pack = tarStream.pack();
  const out = createWriteStream(file);
  const done = pipeline(pack as unknown as NodeJS.ReadableStream, out);
  let files = 0;
  let bytes = 0;
  for (const e of layerEntries(i)) {
    const body = e.type === 'directory' ? undefined : content(e.size ?? 0);
    await new Promise<void>((resolve, reject) => pack.entry({ name: e.name, type: e.type ?? 'file', mode: 0o644, mtime: new Date(0) }, body as Buffer, (err) => (err ? reject(err) : resolve())));
    files++;
    bytes += e.size ?? 0;
  }
  pack.finalize();
  await done;
  return { files, bytes };
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(file)) h.update(c as Buffer);
  return `sha256:${h.digest('hex')}`;
}

/** Packs files from disk into an outer tar, streaming each one. */
async function packOuter(target: string, items: { name: string; file?: string; data?: Buffer }[]): Promise<void> {
  const pack = tarStream.pack();
  const done = pipeline(pack as unknown as NodeJS.ReadableStream, createWriteStream(target));
  for (const it of items) {
    if (it.data) {
      await new Promise<void>((res, rej) => pack.entry({ name: it.name, mtime: new Date(0) }, it.data!, (e) => (e ? rej(e) : res())));
      continue;
    }
    const size = statSync(it.file!).size;
    await new Promise<void>((res, rej) => {
      const entry = pack.entry({ name: it.name, size, mtime: new Date(0) }, (e) => (e ? rej(e) : res()));
      createReadStream(it.file!).pipe(entry as unknown as NodeJS.WritableStream);
    });
  }
  pack.finalize();
  await done;
}

interface Generated {
  version: string;
  classic: string;
  oci: string;
  layers: { files: number; bytes: number; tarBytes: number; gzipBytes: number }[];
}

async function generate(): Promise<Generated> {
  mkdirSync(work, { recursive: true });
  const meta = join(work, 'meta.json');
  if (existsSync(meta)) {
    const g = JSON.parse(readFileSync(meta, 'utf8')) as Generated;
    if (g.version === SPEC_VERSION && existsSync(g.classic) && existsSync(g.oci)) return g;
  }
  const layers: Generated['layers'] = [];
  const diffIds: string[] = [];
  const gzDigests: string[] = [];
  for (let i = 0; i < 5; i++) {
    const tar = join(work, `layer${i}.tar`);
    const t0 = Date.now();
    const s = await writeLayer(i, tar);
    const gz = `${tar}.gz`;
    await pipeline(createReadStream(tar), createGzip({ level: 1 }), createWriteStream(gz));
    diffIds.push(await sha256File(tar));
    gzDigests.push(await sha256File(gz));
    layers.push({ ...s, tarBytes: statSync(tar).size, gzipBytes: statSync(gz).size });
    process.stderr.write(`generated layer ${i}: ${s.files} entries, ${(statSync(tar).size / 1e6).toFixed(0)} MB (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  const history = [0, 1, 2, 3, 4].map((i) => ({ created: '2026-01-01T00:00:00Z', created_by: `RUN generated layer ${i} # buildkit`, comment: 'buildkit.dockerfile.v0' }));
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { User: '1000', Cmd: ['node', 'app/dist/chunk0.js'] }, rootfs: { type: 'layers', diff_ids: diffIds }, history }));
  const configHex = createHash('sha256').update(config).digest('hex');
  // Classic: layer folders first, then the config and manifest.json (Docker's order).
  const classic = join(work, 'image-classic.tar');
  const dirs = diffIds.map((d) => d.slice(7));
  await packOuter(classic, [
    ...dirs.map((d, i) => ({ name: `${d}/layer.tar`, file: join(work, `layer${i}.tar`) })),
    { name: `${configHex}.json`, data: config },
    { name: 'manifest.json', data: Buffer.from(JSON.stringify([{ Config: `${configHex}.json`, RepoTags: ['bench/inspect:classic'], Layers: dirs.map((d) => `${d}/layer.tar`) }])) },
  ]);
  // OCI with gzip layers: blobs first, index.json last.
  const oci = join(work, 'image-oci-gzip.tar');
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${configHex}`, size: config.length }, layers: gzDigests.map((d, i) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: d, size: layers[i]!.gzipBytes })) }));
  const manifestHex = createHash('sha256').update(manifest).digest('hex');
  await packOuter(oci, [
    ...gzDigests.map((d, i) => ({ name: `blobs/sha256/${d.slice(7)}`, file: join(work, `layer${i}.tar.gz`) })),
    { name: `blobs/sha256/${configHex}`, data: config },
    { name: `blobs/sha256/${manifestHex}`, data: manifest },
    { name: 'oci-layout', data: Buffer.from('{"imageLayoutVersion":"1.0.0"}') },
    { name: 'index.json', data: Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${manifestHex}`, size: manifest.length }] })) },
  ]);
  const g: Generated = { version: SPEC_VERSION, classic, oci, layers };
  writeFileSync(meta, JSON.stringify(g, null, 2));
  return g;
}

interface Run {
  seconds: number;
  maxRssMB: number;
}

/** One timed child process: wall time and peak resident memory from GNU time. */
function timed(cmd: string, args: string[], discardStdout = false): Run & { stdout: string } {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', discardStdout ? 'ignore' : 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  return { seconds, maxRssMB: rss / 1024, stdout: r.stdout ?? '' };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function mainBench(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('needs GNU time at /usr/bin/time (apt-get install time)');
  if (!existsSync(join(repo, 'dist/cli/main.js'))) spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: repo, stdio: 'inherit' });
  const g = await generate();
  interface Row {
    archive: string;
    archiveMB: number;
    uncompressedMB: number;
    entries: number;
    finalFiles: number;
    seconds: number;
    MBperSecond: number;
    peakRssMB: number;
    catSeconds: number;
    imageSize: number;
    diveWastedBytes: number;
    stagecraftWastedBytes: number;
    runs: { seconds: number; peakRssMB: number }[];
  }
  const rows: Row[] = [];
  for (const [label, file] of [['classic docker save, plain layers', g.classic], ['OCI layout, gzip layers', g.oci]] as const) {
    const bytes = statSync(file).size;
    const floor = median(Array.from({ length: RUNS }, () => timed('cat', [file], true).seconds));
    const runs: Run[] = [];
    let summary: { size: number; fileCount: number; efficiency: number; wastedBytes: number; waste: { stagecraft: { wastedBytes: number } } } | undefined;
    for (let i = 0; i < RUNS; i++) {
      const r = timed(process.execPath, [join(repo, 'bin/stagecraft.js'), 'inspect', file, '--json', '--no-dive-ci']);
      runs.push(r);
      summary = JSON.parse(r.stdout);
    }
    const seconds = median(runs.map((r) => r.seconds));
    rows.push({
      archive: label,
      archiveMB: Math.round(bytes / 1e6),
      uncompressedMB: Math.round(g.layers.reduce((a, l) => a + l.tarBytes, 0) / 1e6),
      entries: g.layers.reduce((a, l) => a + l.files, 0),
      finalFiles: summary!.fileCount,
      seconds: Number(seconds.toFixed(2)),
      MBperSecond: Math.round(g.layers.reduce((a, l) => a + l.tarBytes, 0) / 1e6 / seconds),
      peakRssMB: Math.round(Math.max(...runs.map((r) => r.maxRssMB))),
      catSeconds: Number(floor.toFixed(2)),
      imageSize: summary!.size,
      diveWastedBytes: summary!.wastedBytes,
      stagecraftWastedBytes: summary!.waste.stagecraft.wastedBytes,
      runs: runs.map((r) => ({ seconds: r.seconds, peakRssMB: Math.round(r.maxRssMB) })),
    });
  }
  const header = ['archive', 'on disk', 'uncompressed', 'entries', `inspect (median of ${RUNS})`, 'throughput (uncompressed)', 'peak RSS', 'cat (floor)'];
  const lines = rows.map((r) => [r.archive, `${r.archiveMB} MB`, `${r.uncompressedMB} MB`, String(r.entries), `${r.seconds} s`, `${r.MBperSecond} MB/s`, `${r.peakRssMB} MB`, `${r.catSeconds} s`]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
  const os = await import('node:os');
  const machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverageAfter: os.loadavg().map((x) => Number(x.toFixed(1))) };
  const out = { bench: 'inspect', date: new Date().toISOString(), machine, runs: RUNS, scale: SCALE, layers: g.layers, results: rows };
  mkdirSync(join(repo, 'bench/results'), { recursive: true });
  writeFileSync(join(repo, 'bench/results/inspect.json'), `${JSON.stringify(out, null, 2)}\n`);
  const md = [
    '# bench:inspect',
    '',
    `\`stagecraft inspect --json\` on a generated image archive: ${rows[0]!.entries} tar entries in 5 layers (10,000 files overwritten, 100 folders deleted, one opaque folder). Child process, wall time (median of ${RUNS}) and peak RSS from \`/usr/bin/time -v\`; \`cat\` of the same file is the floor. ${machine.cpus} cores, Node ${machine.node}, ${out.date.slice(0, 10)}; load average ${machine.loadAverageAfter.join(', ')} after the run (other work on the machine slows the figures).`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...lines.map((l) => `| ${l.join(' | ')} |`),
    '',
  ].join('\n');
  writeFileSync(join(repo, 'bench/results/inspect.md'), md);
}

await mainBench();
