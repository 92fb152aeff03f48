// `npm run bench:lint`: agreement with other linters' own test cases, and speed.
// Reads ../shared/corpus/lint-dev/ (beside the repository) at run time; writes bench/results/lint.{json,md}.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { lintText } from '../src/lint/linter.js';
import { rules } from '../src/lint/registry.js';
import { resolveSeverities } from '../src/lint/config.js';
import { aliasIndex } from '../src/lint/pragmas.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = process.env.STAGECRAFT_LINT_CORPUS ?? resolve(repo, '..', 'shared', 'corpus', 'lint-dev');

interface Row {
  id: string;
  rule: string;
  expect: 'violation' | 'ok';
  dockerfile: string;
  title?: string;
  check?: string;
}

// ---------------------------------------------------------------- agreement
function agreement() {
  if (!existsSync(corpusDir)) {
    console.error(`corpus not found at ${corpusDir} (set STAGECRAFT_LINT_CORPUS)`);
    return undefined;
  }
  const rows: (Row & { source: string })[] = [];
  for (const f of readdirSync(corpusDir).filter((x) => x.endsWith('.json')).sort()) {
    for (const r of JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) as Row[]) rows.push({ ...r, source: f });
  }
  const index = aliasIndex(rules);
  // Every rule, whatever its preset: a row asks whether the rule that claims it reports.
  const severities = resolveSeverities(rules, { preset: 'all' });
  const perRule = new Map<string, { peer: string; ours: string[]; total: number; agree: number; rows: string[] }>();
  const uncovered: { id: string; rule: string; title: string | undefined }[] = [];
  const disagreements: { id: string; rule: string; expect: string; ours: string[]; got: string[] }[] = [];
  let total = 0;
  let agree = 0;
  for (const row of rows) {
    const ours = index.get(row.rule.toLowerCase());
    if (!ours || ours.length === 0) {
      uncovered.push({ id: row.id, rule: row.rule, title: row.title ?? row.check });
      continue;
    }
    const findings = lintText(row.dockerfile, 'Dockerfile', { severities, pragmas: false }).findings.filter((f) => ours.includes(f.ruleId));
    const ok = row.expect === 'violation' ? findings.length > 0 : findings.length === 0;
    total++;
    if (ok) agree++;
    else disagreements.push({ id: row.id, rule: row.rule, expect: row.expect, ours, got: findings.map((f) => `${f.ruleId}@${f.line}`) });
    const key = row.rule;
    const e = perRule.get(key) ?? { peer: key, ours, total: 0, agree: 0, rows: [] };
    e.total++;
    if (ok) e.agree++;
    e.rows.push(row.id);
    perRule.set(key, e);
  }
  return { corpus: corpusDir, rows: rows.length, covered: total, agree, rate: total === 0 ? 0 : agree / total, perRule: [...perRule.values()].sort((a, b) => a.peer.localeCompare(b.peer)), uncovered, disagreements };
}

// ---------------------------------------------------------------- speed
function fixtureDockerfiles(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name === 'node_modules' || name === '.git') continue;
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/^(Dockerfile|Containerfile)/.test(name) || name.endsWith('.Dockerfile')) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(repo, 'test', 'fixtures'));
  for (const f of readdirSync(join(repo, 'docs', 'rules'))) {
    const md = readFileSync(join(repo, 'docs', 'rules', f), 'utf8');
    for (const m of md.matchAll(/^```dockerfile\n([\s\S]*?)^```/gm)) out.push(m[1]!);
  }
  return out;
}

/** Deterministic variants so the corpus reaches the size asked for. */
function variants(seeds: string[], n: number): string[] {
  const out: string[] = [];
  let k = 0;
  while (out.length < n && seeds.length > 0) {
    const s = seeds[k % seeds.length]!;
    const v = k % 5;
    const text =
      v === 0 ? s
      : v === 1 ? s.replace(/\n/g, '\r\n')
      : v === 2 ? `# variant ${k}\nARG V${k}=1\n${s}`
      : v === 3 ? `${s}\nRUN echo ${k} && apt-get update && apt-get install -y curl=8.${k}\n`
      : s.replace(/^FROM (\S+)/m, `FROM $1 AS s${k}`);
    out.push(text);
    k++;
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function speed(corpusTexts: string[]) {
  const seeds = [...fixtureDockerfiles(), ...corpusTexts];
  const files = variants(seeds, Math.max(1000, seeds.length));
  const severities = resolveSeverities(rules, { preset: 'recommended' });
  // Warm-up (JIT), then the measured pass.
  for (const t of files.slice(0, 50)) lintText(t, 'Dockerfile', { severities });
  const per: number[] = [];
  const t0 = performance.now();
  for (const t of files) {
    const s = performance.now();
    lintText(t, 'Dockerfile', { severities });
    per.push(performance.now() - s);
  }
  const totalMs = performance.now() - t0;
  per.sort((a, b) => a - b);
  return { files: files.length, seeds: seeds.length, totalMs, filesPerSecond: files.length / (totalMs / 1000), p50Ms: percentile(per, 50), p95Ms: percentile(per, 95), maxMs: per[per.length - 1] ?? 0 };
}

function startup() {
  const bin = join(repo, 'bin', 'stagecraft.js');
  if (!existsSync(join(repo, 'dist', 'cli', 'main.js'))) return undefined;
  const dir = join(repo, 'bench', '.work');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'Dockerfile');
  writeFileSync(file, 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n');
  const runs: number[] = [];
  for (let k = 0; k < 11; k++) {
    const s = performance.now();
    const one = spawnSync(process.execPath, [bin, 'check', '--no-config', file], { encoding: 'utf8' });
    runs.push(performance.now() - s);
    if (one.status !== 0 && one.status !== 1) throw new Error(`check on one file failed (exit ${one.status}): ${one.stderr}`);
  }
  runs.sort((a, b) => a - b);
  // The CLI's own start-up without the linter (`check --help` loads only the command's options), for comparison.
  const base: number[] = [];
  for (let k = 0; k < 7; k++) {
    const s0 = performance.now();
    spawnSync(process.execPath, [bin, 'check', '--help'], { stdio: 'ignore' });
    base.push(performance.now() - s0);
  }
  base.sort((a, b) => a - b);
  const bare: number[] = [];
  for (let k = 0; k < 7; k++) {
    const s0 = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    bare.push(performance.now() - s0);
  }
  bare.sort((a, b) => a - b);
  // The CLI on 1,000 files in one process (the target: under 2 s).
  const many = join(dir, 'many');
  mkdirSync(many, { recursive: true });
  const seeds = variants(fixtureDockerfiles(), 1000);
  seeds.forEach((t, k) => writeFileSync(join(many, `${k}.Dockerfile`), t));
  // Output goes through a pipe and is checked, so a crash cannot pass for a fast run.
  const s = performance.now();
  const r = spawnSync(process.execPath, [bin, 'check', '--no-config', '--format', 'json', many], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const thousandMs = performance.now() - s;
  let checked = 0;
  try {
    checked = (JSON.parse(r.stdout) as { files: unknown[] }).files.length;
  } catch {
    checked = 0;
  }
  if ((r.status !== 0 && r.status !== 1) || checked !== seeds.length) throw new Error(`check on ${many} failed (exit ${r.status}, ${checked} files): ${r.stderr}`);
  return { medianMs: runs[Math.floor(runs.length / 2)]!, minMs: runs[0]!, versionMedianMs: base[3]!, nodeMedianMs: bare[3]!, thousandFilesCliMs: thousandMs, thousandFilesChecked: checked };
}

const ag = agreement();
let corpusTexts: string[] = [];
if (existsSync(corpusDir)) for (const f of readdirSync(corpusDir).filter((x) => x.endsWith('.json'))) corpusTexts = corpusTexts.concat((JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) as Row[]).map((r) => r.dockerfile));
const sp = speed(corpusTexts);
const st = process.argv.includes('--no-startup') ? undefined : startup();
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const md: string[] = ['# stagecraft check: benchmark', '', `Rules: ${rules.length}.`, ''];
if (ag) {
  md.push('## Agreement with the dev corpus', '', `Corpus: ${ag.rows} rows; covered by a stagecraft rule: ${ag.covered}; agreeing: ${ag.agree} (**${pct(ag.rate)}**).`, '');
  md.push('| peer rule | stagecraft rule(s) | rows | agree |', '|---|---|---|---|');
  for (const r of ag.perRule) md.push(`| ${r.peer} | ${r.ours.join(', ')} | ${r.total} | ${r.agree}/${r.total} |`);
  md.push('', `Not covered (${ag.uncovered.length} rows, not counted): ${[...new Set(ag.uncovered.map((u) => `${u.rule} (${u.title ?? ''})`))].join('; ') || 'none'}.`);
  if (ag.disagreements.length > 0) {
    md.push('', '### Disagreements', '', '| row | peer rule | expected | stagecraft reported |', '|---|---|---|---|');
    for (const d of ag.disagreements) md.push(`| ${d.id} | ${d.rule} | ${d.expect} | ${d.got.join(' ') || '(nothing)'} |`);
  }
}
md.push('', '## Speed', '', '| measure | value |', '|---|---|');
md.push(`| files linted (in process, recommended preset) | ${sp.files} (variants of ${sp.seeds} seeds) |`);
md.push(`| total | ${sp.totalMs.toFixed(0)} ms |`, `| files per second | ${sp.filesPerSecond.toFixed(0)} |`, `| p50 per file | ${sp.p50Ms.toFixed(3)} ms |`, `| p95 per file | ${sp.p95Ms.toFixed(3)} ms |`);
if (st) md.push(`| \`stagecraft check\` on one file (median of 11, process start included; min ${st.minMs.toFixed(0)} ms) | ${st.medianMs.toFixed(0)} ms |`, `| for comparison: \`stagecraft check --help\` (no linter loaded) / \`node -e 0\` | ${st.versionMedianMs.toFixed(0)} ms / ${st.nodeMedianMs.toFixed(0)} ms |`, `| \`stagecraft check\` on a folder of 1,000 files | ${st.thousandFilesCliMs.toFixed(0)} ms |`);
md.push('', `Machine: ${process.platform} ${process.arch}, ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (other work was running), Node ${process.version}; ${new Date().toISOString()}.`);

const text = md.join('\n');
console.log(text);
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(join(repo, 'bench', 'results', 'lint.md'), `${text}\n`);
writeFileSync(join(repo, 'bench', 'results', 'lint.json'), `${JSON.stringify({ rules: rules.length, agreement: ag, speed: sp, startup: st, machine: { cpus: cpus().length, loadavg: loadavg(), node: process.version } }, null, 2)}\n`);
