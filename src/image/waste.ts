import type { DeadCopy } from './filetree.js';
import type { WastedPath } from './types.js';

export interface CorrectedWaste {
  efficiency: number;
  wastedBytes: number;
  userWastedPercent: number | null;
  totalBytes: number;
  userBytes: number;
  userWastedBytes: number;
  reclaimable: WastedPath[];
}

/**
 * stagecraft's figures: waste is the bytes that ship but are never visible (every copy but the
 * one kept, opaque-hidden and deleted files included); the user's share counts only what the
 * layers above the base image threw away, over the bytes those layers add.
 */
export function correctedWaste(layerContentBytes: number[], dead: DeadCopy[], baseLayers: number, top = 50): CorrectedWaste {
  const totalBytes = layerContentBytes.reduce((a, b) => a + b, 0);
  const userBytes = layerContentBytes.slice(baseLayers).reduce((a, b) => a + b, 0);
  let wastedBytes = 0;
  let userWastedBytes = 0;
  const byPath = new Map<string, WastedPath>();
  for (const d of dead) {
    wastedBytes += d.bytes;
    if (d.killedBy >= baseLayers) userWastedBytes += d.bytes;
    const w = byPath.get(d.path);
    if (w) {
      w.bytes += d.bytes;
      w.copies++;
    } else byPath.set(d.path, { path: d.path, copies: 1, bytes: d.bytes });
  }
  const reclaimable = [...byPath.values()].sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)).slice(0, top);
  return {
    efficiency: totalBytes === 0 ? 1 : (totalBytes - wastedBytes) / totalBytes,
    wastedBytes,
    userWastedPercent: userBytes === 0 ? (userWastedBytes === 0 ? 0 : null) : userWastedBytes / userBytes,
    totalBytes,
    userBytes,
    userWastedBytes,
    reclaimable,
  };
}
