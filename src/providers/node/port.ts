import type { Project } from '../../project/project.js';

export interface PortScan {
  /** A literal port found in the source (`listen(8080`, `PORT || 8080`, `PORT ?? 8080`). */
  port?: number;
  /** The file that says so. */
  file?: string;
  /** The app reads process.env.PORT, so setting PORT in the image decides where it listens. */
  readsPortEnv: boolean;
}

const PATTERNS = [
  /\bPORT\b\s*(?:\|\||\?\?)\s*['"]?(\d{2,5})\b/,
  /\.listen\(\s*['"]?(\d{2,5})\b/,
  /\bport\s*(?:=|:)\s*(?:Number\()?\s*['"]?(\d{2,5})\b/i,
];

/** A simple textual scan, not a parse: the first plausible port in the first file that has one. */
export function scanPort(project: Project, files: string[]): PortScan {
  let readsPortEnv = false;
  for (const file of files) {
    const text = project.readText(file);
    if (text === undefined) continue;
    if (/process\.env\.PORT\b|process\.env\[['"]PORT['"]\]|Bun\.env\.PORT/.test(text)) readsPortEnv = true;
    for (const re of PATTERNS) {
      const m = re.exec(text);
      const n = m ? Number(m[1]) : NaN;
      if (n >= 1 && n <= 65535) return { port: n, file, readsPortEnv: readsPortEnv || /process\.env\.PORT/.test(text) };
    }
  }
  return { readsPortEnv };
}

/**
 * The source files that may hold the listen call: the start file itself, and for a compiled start
 * file (dist/server.js) its TypeScript source (src/server.ts, server.ts).
 */
export function portScanCandidates(startFile: string | undefined, buildOutput: string | undefined, rootDir: string | undefined): string[] {
  if (!startFile) return ['server.js', 'index.js', 'app.js', 'src/index.ts', 'src/server.ts', 'src/main.ts'];
  const out = [startFile];
  const stem = startFile.replace(/\.[cm]?js$/, '');
  if (buildOutput && startFile.startsWith(`${buildOutput}/`)) {
    const rel = stem.slice(buildOutput.length + 1);
    for (const dir of [rootDir ?? 'src', 'src', '.']) for (const ext of ['.ts', '.mts', '.js', '.mjs']) out.push(dir === '.' ? `${rel}${ext}` : `${dir}/${rel}${ext}`);
  }
  for (const ext of ['.ts', '.mts']) out.push(`${stem}${ext}`);
  return [...new Set(out)];
}
