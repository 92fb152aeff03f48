// `npm run bench:context`: times `stagecraft context` on a generated tree of 100,000 files in
// 10,000 folders with a realistic .dockerignore, next to `find` over the same tree (the floor:
// listing the files), in the same run. Writes bench/results/context.json and .md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = Number(process.env.BENCH_FOLDERS ?? 10_000);
const FILES_PER_FOLDER = Number(process.env.BENCH_FILES_PER_FOLDER ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const DOCKERIGNORE = `# a realistic monorepo .dockerignore
.git
**/node_modules
**/dist
**/coverage
**/*.log
**/.env
**/.env.*
**/__pycache__
**/.cache
*.md
!README.md
`;

/** 10,000 folders of 10 files: packages with src trees, node_modules, dist, .git objects, logs. */
function generate(root: string): { files: number; folders: number } {
  let files = 0;
  let folders = 0;
  const content = Buffer.alloc(512, 'x');
  const kinds = ['src', 'src', 'src', 'src', 'node_modules', 'node_modules', 'dist', 'test', 'coverage', '.git'];
  const perPackage = 100;
  for (let d = 0; d < FOLDERS; d++) {
    const pkg = `packages/pkg${Math.floor(d / perPackage)}`;
    const kind = kinds[d % kinds.length]!;
    const dir = kind === '.git' ? join(root, '.git', 'objects', String(d).padStart(5, '0')) : join(root, pkg, kind, `m${d % perPackage}`);
    mkdirSync(dir, { recursive: true });
    folders++;
    for (let f = 0; f < FILES_PER_FOLDER; f++) {
      const name = f === 9 ? 'debug.log' : kind === 'src' || kind === 'test' ? `file${f}.ts` : `file${f}.js`;
      writeFileSync(join(dir, name), content.subarray(0, 64 + ((d * 7 + f * 13) % 448)));
      files++;
    }
  }
  writeFileSync(join(root, '.dockerignore'), DOCKERIGNORE);
  writeFileSync(join(root, 'README.md'), '# bench\n');
  writeFileSync(join(root, 'package.json'), '{"name":"bench","private":true}\n');
  writeFileSync(join(root, 'package-lock.json'), '{}\n');
  writeFileSync(join(root, 'Dockerfile'), 'FROM node:20-slim AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM node:20-slim\nCOPY --from=build /app/packages /app/packages\nCMD ["node", "/app/packages/pkg0/src/m0/file0.js"]\n');
  return { files: files + 4, folders };
}

interface Sample {
  wallMs: number;
  /** User + system CPU time: steadier than wall time on a shared machine. */
  cpuMs: number | null;
  maxRssKb: number | null;
}

const hasTime = existsSync('/usr/bin/time');

/** Runs a command, timing it; peak RSS from /usr/bin/time -v when the machine has it. */
function measure(argv: string[]): Sample {
  const cmd = hasTime ? ['/usr/bin/time', '-v', ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const cpuMs = user && sys ? Math.round((Number(user[1]) + Number(sys[1])) * 1000) : null;
  return { wallMs, cpuMs, maxRssKb: rss ? Number(rss[1]) : null };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function summarize(samples: Sample[]): { wallMs: number; cpuMs: number | null; maxRssMb: number | null; runs: number[] } {
  const rss = samples.map((s) => s.maxRssKb).filter((x): x is number => x !== null);
  const cpu = samples.map((s) => s.cpuMs).filter((x): x is number => x !== null);
  return {
    wallMs: Math.round(median(samples.map((s) => s.wallMs))),
    cpuMs: cpu.length ? median(cpu) : null,
    maxRssMb: rss.length ? Math.round(Math.max(...rss) / 1024) : null,
    runs: samples.map((s) => Math.round(s.wallMs)),
  };
}

function main(): void {
  // The CLI as users run it: compiled (tsc emits even while other files have type errors).
  spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(repo, 'tsconfig.json')], { stdio: 'ignore' });
  const cli = join(repo, 'bin/stagecraft.js');
  if (!existsSync(join(repo, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run npm run build');

  const root = mkdtempSync(join(tmpdir(), 'stagecraft-bench-context-'));
  try {
    const t0 = Date.now();
    const tree = generate(root);
    const genMs = Date.now() - t0;
    const check = spawnSync(process.execPath, [cli, 'context', root, '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const report = JSON.parse(check.stdout) as { fileCount: number; bytes: number; excluded: { fileCount: number; prunedFolders: number } };

    const cases: Record<string, string[]> = {
      'find -type f (names only)': ['find', root, '-type', 'f'],
      'find -printf %s (names + sizes)': ['find', root, '-type', 'f', '-printf', '%s %p\\n'],
      'stagecraft context': [process.execPath, cli, 'context', root],
      'stagecraft context --json --list-files': [process.execPath, cli, 'context', root, '--json', '--list-files'],
    };
    // Interleaved (find, stagecraft, find, ...): on a shared machine the load drifts, and each
    // round then weighs on every command alike.
    for (const argv of Object.values(cases)) measure(argv); // warm-up: the page cache, as for any second run
    const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    for (let i = 0; i < RUNS; i++) for (const [name, argv] of Object.entries(cases)) samples[name]!.push(measure(argv));
    const results: Record<string, ReturnType<typeof summarize>> = {};
    for (const name of Object.keys(cases)) results[name] = summarize(samples[name]!);
    const floor = results['find -printf %s (names + sizes)']!.wallMs;
    const floorNames = results['find -type f (names only)']!.wallMs;
    const ours = results['stagecraft context']!.wallMs;
    const load = loadAverage();
    const out = {
      date: new Date().toISOString(),
      machine: { node: process.version, cpus: cpuCount(), platform: process.platform },
      tree: { ...tree, ignoreFile: DOCKERIGNORE.trim().split('\n'), sentFiles: report.fileCount, sentBytes: report.bytes, excludedFiles: report.excluded.fileCount, prunedFolders: report.excluded.prunedFolders },
      runs: RUNS,
      generateMs: genMs,
      results,
      loadAverageAfter: load,
      ratioToFindWithSizes: Number((ours / floor).toFixed(2)),
      ratioToFindNamesOnly: Number((ours / floorNames).toFixed(2)),
      targets: { withinThreeTimesFind: ours <= 3 * floor, underTwoSeconds: ours < 2000 },
    };
    const table = [
      `| command | wall (median of ${RUNS}) | CPU user+sys | peak RSS |`,
      '|---|---:|---:|---:|',
      ...Object.entries(results).map(([name, r]) => `| \`${name}\` | ${r.wallMs} ms | ${r.cpuMs === null ? 'n/a' : `${r.cpuMs} ms`} | ${r.maxRssMb === null ? 'n/a' : `${r.maxRssMb} MB`} |`),
    ];
    const md = [
      `# bench:context (${out.date})`,
      '',
      `Tree: ${tree.files.toLocaleString('en-US')} files in ${tree.folders.toLocaleString('en-US')} folders; the .dockerignore sends ${report.fileCount.toLocaleString('en-US')} files and keeps ${report.excluded.fileCount.toLocaleString('en-US')} out (${report.excluded.prunedFolders.toLocaleString('en-US')} folders pruned, but still counted for "what it saved").`,
      '',
      ...table,
      '',
      `stagecraft context / find with sizes: ${out.ratioToFindWithSizes}x (target <= 3x: ${out.targets.withinThreeTimesFind ? 'met' : 'missed'}); / find names only: ${out.ratioToFindNamesOnly}x; under 2 s: ${out.targets.underTwoSeconds ? 'yes' : 'no'}.`,
      `Machine: ${cpuCount()} cores, ${process.version}, load average ${load} after the runs (wall times on a busy machine are upper bounds; CPU time is the steadier figure, and for stagecraft it includes the worker thread that counts pruned folders).`,
      `Runs (ms): ${Object.entries(results).map(([n, r]) => `${n}: ${r.runs.join(', ')}`).join('; ')}.`,
      '',
    ].join('\n');
    mkdirSync(join(repo, 'bench/results'), { recursive: true });
    writeFileSync(join(repo, 'bench/results/context.json'), `${JSON.stringify(out, null, 2)}\n`);
    writeFileSync(join(repo, 'bench/results/context.md'), md);
    process.stdout.write(md);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function loadAverage(): string {
  return readFileSafe('/proc/loadavg').split(' ').slice(0, 3).join(' ') || 'n/a';
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function cpuCount(): number {
  return Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()) || 0;
}

main();
