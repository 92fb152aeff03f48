// `npm run bench:images`: for every buildable fixture under test/fixtures/apps, in a temp copy:
// `stagecraft init`, then a cold `stagecraft build --compare-naive --no-cache` (the generated
// multi-stage Dockerfile and the single-stage baseline: toolchain image, COPY . ., install, build),
// then a rebuild after a source-only edit. Reports sizes, the ratio, the runtime base's own size,
// the final image against (base + the app's payload), cold and rebuild times, and PASS/MISS against
// issue 2's targets. Writes bench/results/images.json and images.md. A benchmark, not a test.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAndCompare, type CompareResult } from '../src/build/compare.js';
import { buildImage, type BuildResult } from '../src/build/build.js';
import { formatBytes } from '../src/util/bytes.js';
import { writeBuildReport } from '../src/build/report.js';
import { main } from '../src/cli/main.js';
import { planInit } from '../src/init/init.js';
import { diskProject } from '../src/project/project.js';
import { parseCmd } from '../src/cli/init.js';
import { engineAvailable, locateDocker, removeImage } from '../src/engine/index.js';
import type { BaseFlavor, InitOptions, Stack } from '../src/plan/types.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const appsDir = join(repo, 'test/fixtures/apps');
const resultsDir = join(repo, 'bench/results');
const only = process.env.BENCH_FIXTURES?.split(',').filter(Boolean);
const keepImages = process.env.BENCH_KEEP_IMAGES === '1';
const REBUILDS = Number(process.env.BENCH_REBUILDS ?? 2);
/** The fixture whose comparison is also written as an HTML report (and a screenshot, when Chromium is there). */
const reportFixture = process.env.BENCH_REPORT_FIXTURE ?? 'node-express';

/** A PNG of the report page through headless Chromium, when it is installed; the report is enough without it. */
function screenshot(html: string, png: string): void {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!chromium) return;
  const r = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--window-size=1400,1300', `--screenshot=${png}`, pathToFileURL(html).href], { stdio: 'ignore', timeout: 60_000 });
  if (r.status !== 0) process.stderr.write(`(no screenshot: chromium exited ${r.status})\n`);
}

interface Manifest {
  description: string;
  buildable: boolean;
  project?: string;
  initArgs?: string[];
  sourceEdit?: string;
}

/** The init flags a manifest may carry, as InitOptions (for the naive plan, which must match init's). */
function initOptionsFrom(args: string[]): Partial<InitOptions> {
  const o: Partial<InitOptions> = {};
  for (let i = 0; i < args.length; i++) {
    const v = args[i + 1];
    switch (args[i]) {
      case '--base': o.base = v as BaseFlavor; i++; break;
      case '--stack': o.stack = v as Stack; i++; break;
      case '--target-package': o.targetPackage = v; i++; break;
      case '--cmd': o.cmd = parseCmd(v!); i++; break;
      case '--port': o.port = Number(v); i++; break;
      case '--node-version': o.nodeVersion = v; i++; break;
      case '--go-version': o.goVersion = v; i++; break;
      case '--python-version': o.pythonVersion = v; i++; break;
    }
  }
  return o;
}

/** Issue 2's targets: ≥5x smaller than the baseline for Node.js and Python, ≥50x for Go; rebuild under 1/5 of cold; final within 10% of base + payload. */
function ratioTarget(stack: string): number | undefined {
  if (stack === 'go') return 50;
  if (stack === 'node' || stack === 'python') return 5;
  return undefined; // Bun: the issue names no ratio target
}

interface Row {
  fixture: string;
  stack?: string;
  naiveSize?: number;
  size?: number;
  ratio?: number | null;
  baseImage?: string;
  baseSize?: number;
  /** Bytes the final stage's own COPY/ADD layers bring: the app's production payload. */
  payload?: number;
  /** final / (base + payload): 1.0 means nothing but the base and the app. */
  finalVsBasePlusPayload?: number;
  coldSeconds?: number;
  naiveColdSeconds?: number;
  rebuildSeconds?: number;
  rebuildSamples?: number[];
  rebuildCachedSteps?: string;
  rebuildRatio?: number;
  targets: Record<string, 'PASS' | 'MISS' | 'n/a'>;
  error?: string;
}

/** Payload: the final stage's COPY/ADD layers (the app files and production dependencies it ships). */
function payloadOf(r: BuildResult): number {
  return r.layers.filter((l) => !l.base && /^(COPY|ADD)\b/.test(l.instruction)).reduce((a, l) => a + l.size, 0);
}

function appendSourceEdit(file: string): void {
  const hash = /\.(py|rb|sh|toml|ya?ml|txt)$/.test(file) ? '#' : '//';
  appendFileSync(file, `\n${hash} bench:images source edit ${Date.now()}\n`);
}

async function benchFixture(name: string, dir: string, m: Manifest): Promise<Row> {
  const row: Row = { fixture: name, targets: {} };
  const work = mkdtempSync(join(tmpdir(), `stagecraft-bench-${name}-`));
  const tag = `stagecraft-test/bench-${name}:latest`;
  try {
    cpSync(dir, work, { recursive: true, filter: (src) => src === dir || !/\/(node_modules|\.git)$/.test(src) });
    const project = resolve(work, m.project ?? '.');
    const initArgs = m.initArgs ?? [];
    const code = await main(['node', 'stagecraft', 'init', project, ...initArgs, '--force']);
    if (code !== 0) throw new Error(`stagecraft init exited ${code}`);
    const { plan } = planInit(diskProject(project), { hostNodeMajor: Number(process.versions.node.split('.')[0]), ...initOptionsFrom(initArgs) });
    row.stack = plan.stack;
    const context = resolve(project, plan.context);
    const request = { context, file: join(project, 'Dockerfile'), tag, noCache: true };
    process.stderr.write(`\n== ${name} (${plan.stack}): cold builds (--no-cache), baseline and stagecraft\n`);
    const cold: CompareResult = await buildAndCompare(request, { kind: 'naive', project, initOptions: initOptionsFrom(initArgs) });
    row.size = cold.size ?? undefined;
    row.naiveSize = cold.baseline.size ?? undefined;
    row.ratio = cold.baseline.ratio;
    row.baseImage = cold.baseImage;
    row.baseSize = cold.baseSize;
    row.coldSeconds = cold.seconds;
    row.naiveColdSeconds = cold.baseline.seconds;
    row.payload = payloadOf(cold);
    if (row.size !== undefined && row.baseSize !== undefined) row.finalVsBasePlusPayload = Math.round((row.size / (row.baseSize + row.payload)) * 1000) / 1000;
    if (name === reportFixture) {
      const html = join(resultsDir, `images-report-${name}.html`);
      mkdirSync(resultsDir, { recursive: true });
      await writeBuildReport(cold, html);
      screenshot(html, join(resultsDir, `images-report-${name}.png`));
    }
    if (m.sourceEdit) {
      // Two source edits, each rebuilt; the faster one is reported (the engine may be shared, and a single sample is noisy).
      const samples: BuildResult[] = [];
      for (let i = 0; i < REBUILDS; i++) {
        appendSourceEdit(join(project, m.sourceEdit));
        process.stderr.write(`== ${name}: rebuild ${i + 1} after editing ${m.sourceEdit}\n`);
        samples.push(await buildImage({ context, file: join(project, 'Dockerfile'), tag }));
      }
      const re = samples.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      row.rebuildSeconds = re.seconds;
      row.rebuildSamples = samples.map((x) => x.seconds);
      row.rebuildCachedSteps = `${re.cachedSteps}/${re.totalSteps}`;
      row.rebuildRatio = Math.round((re.seconds / cold.seconds) * 1000) / 1000;
    }
    const target = ratioTarget(plan.stack);
    row.targets.ratio = target === undefined || row.ratio == null ? 'n/a' : row.ratio >= target ? 'PASS' : 'MISS';
    row.targets.rebuild = row.rebuildRatio === undefined ? 'n/a' : row.rebuildRatio < 0.2 ? 'PASS' : 'MISS';
    row.targets.payload = row.finalVsBasePlusPayload === undefined ? 'n/a' : row.finalVsBasePlusPayload <= 1.1 ? 'PASS' : 'MISS';
  } catch (err) {
    row.error = ((err as Error).message ?? String(err)).split('\n')[0]!.slice(0, 300);
    row.targets = { ratio: 'MISS', rebuild: 'MISS', payload: 'MISS' };
  } finally {
    if (!keepImages) {
      await removeImage(tag);
      await removeImage(tag.replace(/:latest$/, '-naive:latest'));
    }
    rmSync(work, { recursive: true, force: true });
  }
  return row;
}

function mb(n: number | undefined): string {
  return n === undefined ? '-' : formatBytes(n);
}
function num(n: number | null | undefined, digits = 1, suffix = ''): string {
  return n === undefined || n === null ? '-' : `${n.toFixed(digits)}${suffix}`;
}

function table(rows: Row[]): string {
  const head = ['fixture', 'naive size', 'stagecraft size', 'ratio', 'runtime base', 'base size', 'final vs (base + payload)', 'cold build', 'rebuild', 'rebuild/cold', 'targets'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    if (r.error) {
      lines.push(`| ${r.fixture} | error: ${r.error.replace(/\|/g, '\\|')} |${' |'.repeat(head.length - 2)}`);
      continue;
    }
    const t = ratioTarget(r.stack ?? '');
    const targets = [`ratio${t ? ` ≥${t}x` : ''} ${r.targets.ratio}`, `rebuild <1/5 ${r.targets.rebuild}`, `≤110% ${r.targets.payload}`].join(', ');
    lines.push(
      `| ${r.fixture} | ${mb(r.naiveSize)} | ${mb(r.size)} | ${num(r.ratio, 1, 'x')} | ${r.baseImage ?? '-'} | ${mb(r.baseSize)} | ${mb(r.size)} vs ${mb((r.baseSize ?? 0) + (r.payload ?? 0))} (${num((r.finalVsBasePlusPayload ?? NaN) * 100, 0, '%')}) | ${num(r.coldSeconds, 1, ' s')} | ${num(r.rebuildSeconds, 1, ' s')} (${r.rebuildCachedSteps ?? '-'} cached) | ${num(r.rebuildRatio, 2)} | ${targets} |`,
    );
  }
  return lines.join('\n');
}

async function run(): Promise<void> {
  const engine = await engineAvailable();
  if (!engine.ok) {
    console.error(`bench:images needs a Docker engine: ${engine.message}`);
    process.exit(2);
  }
  const client = (await locateDocker()).build;
  const fixtures = readdirSync(appsDir).sort();
  const rows: Row[] = [];
  for (const name of fixtures) {
    if (only && !only.includes(name)) continue;
    let m: Manifest;
    try {
      m = JSON.parse(readFileSync(join(appsDir, name, 'stagecraft-fixture.json'), 'utf8')) as Manifest;
    } catch {
      continue;
    }
    if (!m.buildable) continue;
    rows.push(await benchFixture(name, join(appsDir, name), m));
  }
  const md = [
    '# bench:images',
    '',
    `Docker Engine ${engine.serverVersion}, built with ${client?.binary} (${client?.buildMode}), stand-in base images (no registry here; see shared/knowledge/docker-engine.md). ${new Date().toISOString().slice(0, 10)}.`,
    '',
    table(rows),
    '',
    '- naive size: the single-stage baseline `stagecraft build --compare-naive` derives from the init plan (toolchain image, `COPY . .`, install, build, same command).',
    '- ratio: naive size / stagecraft size (targets: ≥5x Node.js and Python, ≥50x Go; Bun has none in the issue).',
    "- final vs (base + payload): the final image against the runtime base's own size plus the app's payload (the bytes of the final stage's COPY layers: the app and its production dependencies); target ≤110%.",
    '- cold build: `--no-cache`, the stagecraft Dockerfile only (the baseline is timed apart, in the JSON). BuildKit cache mounts (npm, Go build caches) survive `--no-cache`, as on a developer machine.',
    `- rebuild: after appending a comment to the fixture's \`sourceEdit\` file, ${REBUILDS} times, the fastest reported (all samples in the JSON); target: under 1/5 of the cold build.`,
    `- ${reportFixture}: the comparison is also written as \`stagecraft build --report\` would (\`images-report-${reportFixture}.html\`, with a screenshot when Chromium is installed).`,
    '',
  ].join('\n');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'images.md'), md);
  writeFileSync(join(resultsDir, 'images.json'), `${JSON.stringify({ engine: engine.serverVersion, client, date: new Date().toISOString(), rows }, null, 2)}\n`);
  process.stdout.write(`\n${table(rows)}\n\nwrote bench/results/images.md and images.json\n`);
  for (const r of rows) process.stdout.write(`${r.fixture}: ${Object.entries(r.targets).map(([k, v]) => `${k} ${v}`).join(', ')}${r.error ? ` (error: ${r.error})` : ''}\n`);
}

await run();
