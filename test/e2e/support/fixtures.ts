import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** test/fixtures/apps/<name>/stagecraft-fixture.json (format: test/fixtures/README.md). */
export interface FixtureManifest {
  description: string;
  buildable: boolean;
  project: string;
  initArgs: string[];
  port: number;
  request: string;
  expectBody: string;
  devDependencies: string[];
  compiled: boolean;
  sourceEdit: string;
  mustNotShip: string[];
}

export interface Fixture {
  name: string;
  dir: string;
  manifest: FixtureManifest;
}

export const manifestName = 'stagecraft-fixture.json';

/** Every fixture folder with a manifest, sorted by name. A malformed manifest throws, naming the file. */
export function loadFixtures(appsDir: string): Fixture[] {
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir)
    .sort()
    .filter((name) => statSync(join(appsDir, name)).isDirectory() && existsSync(join(appsDir, name, manifestName)))
    .map((name) => ({ name, dir: join(appsDir, name), manifest: readManifest(join(appsDir, name, manifestName)) }));
}

function readManifest(file: string): FixtureManifest {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const problems: string[] = [];
  const str = (k: string, fallback?: string): string => {
    const v = raw[k] ?? fallback;
    if (typeof v !== 'string') problems.push(`"${k}" must be a string`);
    return String(v);
  };
  const list = (k: string): string[] => {
    const v = raw[k] ?? [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) problems.push(`"${k}" must be an array of strings`);
    return Array.isArray(v) ? (v as string[]) : [];
  };
  const buildable = raw.buildable === true;
  const manifest: FixtureManifest = {
    description: str('description', ''),
    buildable,
    project: str('project', '.'),
    initArgs: list('initArgs'),
    port: Number(raw.port),
    request: str('request', '/'),
    expectBody: str('expectBody', ''),
    devDependencies: list('devDependencies'),
    compiled: raw.compiled === true,
    sourceEdit: str('sourceEdit', ''),
    mustNotShip: list('mustNotShip'),
  };
  if (buildable) {
    if (!Number.isInteger(manifest.port) || manifest.port < 1 || manifest.port > 65535) problems.push('"port" must be a port number');
    if (!manifest.expectBody) problems.push('"expectBody" must say what the response contains');
    if (!manifest.sourceEdit) problems.push('"sourceEdit" must name a source file');
    if (!manifest.request.startsWith('/')) problems.push('"request" must be a path starting with /');
  }
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return manifest;
}
