/**
 * Bytes for people, in docker's decimal units (1 MB = 1000 kB), so every command's figures read
 * like `docker images` and agree with each other. Unknown sizes print as `?`.
 */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '?';
  if (bytes < 1000) return `${bytes} B`;
  const names = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = -1;
  while (v >= 1000 && i < names.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${names[i]}`;
}
