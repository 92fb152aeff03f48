/**
 * The colours a text formatter may use. Formatters take one as a parameter and default to
 * `plainPalette`; the CLI passes its own (`color` in src/cli/output.ts), which knows whether the
 * terminal wants colours.
 */
export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const same = (s: string): string => s;

export const plainPalette: Palette = { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };
