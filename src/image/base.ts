import type { BaseInfo, HistoryItem } from './types.js';

export interface BaseBoundary extends BaseInfo {
  /** History entries (empty ones included) that came from the base image. */
  historyEntries: number;
}

/** Layers of the base when the base image's layer digests are known: the common prefix. */
export function baseFromDiffIds(imageDiffIds: string[], baseDiffIds: string[], history: HistoryItem[]): BaseBoundary {
  let n = 0;
  while (n < imageDiffIds.length && n < baseDiffIds.length && imageDiffIds[n] === baseDiffIds[n]) n++;
  return { layers: n, source: 'given', historyEntries: historyIndexAfterLayers(history, n) };
}

/** The history index just past the n-th non-empty entry. */
function historyIndexAfterLayers(history: HistoryItem[], n: number): number {
  if (n === 0) return 0;
  let seen = 0;
  for (let i = 0; i < history.length; i++) {
    if (!history[i]!.emptyLayer && ++seen === n) return i + 1;
  }
  return history.length;
}

const startCommand = /^(\/bin\/sh -c #\(nop\)\s+)?(CMD|ENTRYPOINT)\b/;

/**
 * Without the base image at hand: a base image's history ends with its CMD or ENTRYPOINT, so the
 * last such entry that layers follow marks the FROM. Failing that, the final stage's steps were
 * made by one build and the base's long before, so the largest jump in the history timestamps
 * marks it (cached steps keep old times, hence second). Else only the first layer is the base
 * (dive's assumption).
 */
export function guessBase(history: HistoryItem[], layerCount: number): BaseBoundary {
  const fallback: BaseBoundary = { layers: Math.min(1, layerCount), source: 'first-layer', historyEntries: historyIndexAfterLayers(history, Math.min(1, layerCount)) };
  for (let i = history.length - 2; i >= 0; i--) {
    if (!startCommand.test(history[i]!.createdBy.trim())) continue;
    const layers = history.slice(0, i + 1).filter((h) => !h.emptyLayer).length;
    if (layers > 0 && layers < layerCount) return { layers, source: 'history-cmd', historyEntries: i + 1 };
    break;
  }
  const times = history.map((h) => (h.created ? Date.parse(h.created) : NaN));
  if (times.some((t) => Number.isNaN(t)) || history.length < 2) return fallback;
  let bestGap = 0;
  let bestIndex = -1;
  for (let i = 1; i < times.length; i++) {
    const gap = times[i]! - times[i - 1]!;
    if (gap > bestGap) {
      bestGap = gap;
      bestIndex = i;
    }
  }
  // Steps of one build are seconds to minutes apart; demand a jump larger than the rest of the build took.
  if (bestIndex < 0 || bestGap < 60_000) return fallback;
  const buildSpan = times[times.length - 1]! - times[bestIndex]!;
  if (bestGap <= buildSpan) return fallback;
  const layers = history.slice(0, bestIndex).filter((h) => !h.emptyLayer).length;
  if (layers === 0 || layers >= layerCount) return fallback;
  return { layers, source: 'history-timestamps', historyEntries: bestIndex };
}
